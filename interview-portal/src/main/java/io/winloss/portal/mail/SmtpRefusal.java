package io.winloss.portal.mail;

import java.lang.reflect.Method;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.mail.MailSendException;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;

/**
 * Tells a bounce from a failure worth retrying, from what the SMTP server said during the conversation: the
 * recipient refused with a permanent (5xx) reply to {@code RCPT TO}, which Jakarta Mail reports as a
 * {@link SendFailedException} listing invalid addresses, or the message refused with a 5xx reply after
 * {@code DATA}. A refused sender, a failed login, a timeout or a 4xx reply are not bounces: they say nothing about
 * the buyer's address. A server that accepts the mail and bounces it later, by mail to the sender, is not seen here.
 */
final class SmtpRefusal {

    private SmtpRefusal() {
    }

    /** The server's words when {@code failure} is a permanent refusal of the recipient or the message; else empty. */
    static Optional<String> permanent(Throwable failure) {
        Deque<Throwable> todo = new ArrayDeque<>();
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        todo.add(failure);
        while (!todo.isEmpty()) {
            Throwable e = todo.poll();
            if (seen.put(e, true) != null) {
                continue;
            }
            if (isSenderRefused(e)) {
                return Optional.empty();
            }
            if (e instanceof SendFailedException sent && sent.getInvalidAddresses() != null && sent.getInvalidAddresses().length > 0) {
                return Optional.of(words(sent));
            }
            int code = returnCode(e);
            if (code >= 500 && code <= 599 && e.getClass().getSimpleName().equals("SMTPSendFailedException")) {
                return Optional.of(words(e));
            }
            next(todo, e.getCause());
            if (e instanceof MessagingException messaging) {
                next(todo, messaging.getNextException());
            }
            if (e instanceof MailSendException send) {
                for (Exception each : send.getMessageExceptions()) {
                    next(todo, each);
                }
            }
        }
        return Optional.empty();
    }

    private static void next(Deque<Throwable> todo, Throwable e) {
        if (e != null) {
            todo.add(e);
        }
    }

    /** Angus Mail's {@code SMTPSenderFailedException}: our MAIL FROM was refused, a setting to fix, not a bounce. */
    private static boolean isSenderRefused(Throwable e) {
        return e.getClass().getSimpleName().equals("SMTPSenderFailedException");
    }

    /**
     * The SMTP reply code Angus Mail's exceptions carry ({@code getReturnCode()}); they are not on the compile class
     * path (the mail API is), so it is read by name. -1 when there is none.
     */
    static int returnCode(Throwable e) {
        try {
            Method method = e.getClass().getMethod("getReturnCode");
            return method.invoke(e) instanceof Integer code ? code : -1;
        } catch (ReflectiveOperationException | RuntimeException noCode) {
            return -1;
        }
    }

    private static String words(Throwable e) {
        Throwable detail = e instanceof MessagingException m && m.getNextException() != null ? m.getNextException() : e;
        String message = detail.getMessage() == null ? detail.getClass().getSimpleName() : detail.getMessage().strip();
        return message.length() > 500 ? message.substring(0, 500) : message;
    }
}
