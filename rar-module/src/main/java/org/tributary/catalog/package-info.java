/**
 * The media catalogue: maps request paths to files inside the media root (refusing anything that
 * escapes it) and keeps opened sources, re-opening a file when it changes and forgetting it when it
 * is removed, without a restart.
 */
package org.tributary.catalog;
