package org.caringmothers.common.web;

/**
 * A request answered 404 because its record does not exist or lies outside the user's
 * scope; the access log records it.
 *
 * @param method the request's method
 * @param path the request's path
 * @param what what was asked for, as the
 * {@link org.caringmothers.common.NotFoundException} names it (e.g. {@code child 42})
 */
public record RequestRefused(String method, String path, String what) {
}
