package io.winloss.portal.deal;

/** A person on the buyer's side of a deal; {@code role} is free text such as "CFO". */
public record Contact(String name, String email, String role) {
}
