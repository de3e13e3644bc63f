package io.winloss.portal.action;

import java.time.LocalDate;

/** A change to an action after it was created: any of status, owner and due date; null leaves a field as it was. */
record ActionChange(ActionStatus status, String ownerEmail, LocalDate dueDate) {
}
