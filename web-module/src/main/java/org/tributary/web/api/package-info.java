/**
 * The JSON API under {@code /api}: one resource per console area, errors as {@code {status, error}}
 * bodies produced in one place ({@link org.tributary.web.api.ApiExceptionMapper}).
 */
package org.tributary.web.api;
