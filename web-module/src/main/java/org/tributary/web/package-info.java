/**
 * The web module: the Faces console ({@code console.*}, one package per area) and the JSON API
 * ({@code api}). Both stay thin and call the same EJB services.
 */
package org.tributary.web;
