package de.henk.hub.system;

import de.henk.hub.web.ApiException;

/** Page request and the {@code page} block of list responses ({@code page} counts from 0). */
public record Page(int number, int size, long totalElements, int totalPages) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;

    public static Request request(String page, String size) {
        int number = parse("page", page, 0);
        int pageSize = parse("size", size, DEFAULT_SIZE);
        if (number < 0) {
            throw ApiException.badRequest("invalid_parameter", "page must be 0 or greater");
        }
        if (pageSize < 1 || pageSize > MAX_SIZE) {
            throw ApiException.badRequest("invalid_parameter", "size must be between 1 and " + MAX_SIZE);
        }
        return new Request(number, pageSize);
    }

    private static int parse(String name, String value, int fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("invalid_parameter", name + " must be a whole number");
        }
    }

    public record Request(int number, int size) {
        public long offset() {
            return (long) number * size;
        }

        public Page of(long total) {
            return new Page(number, size, total, (int) ((total + size - 1) / size));
        }
    }
}
