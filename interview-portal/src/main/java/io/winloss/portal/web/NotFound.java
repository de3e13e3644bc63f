package io.winloss.portal.web;

/**
 * The thing does not exist for this caller. Another workspace's resource is reported the same way,
 * so ids never reveal what exists elsewhere.
 */
public class NotFound extends RuntimeException {

    public NotFound(String what) {
        super(what + " not found");
    }
}
