package de.henk.hub.web;

import java.io.IOException;

/** Thrown while reading a request body that exceeds {@code henk.http.max-body-bytes}. */
public class PayloadTooLargeException extends IOException {
    public PayloadTooLargeException(long limit) {
        super("The request body is larger than " + limit + " bytes");
    }
}
