/** The Media page: the media library as the adapter's catalogue sees it. */
package org.tributary.web.console.media;
