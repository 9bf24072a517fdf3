/**
 * What the field rules of the EJB services say when they refuse a value: one message bundle shared by the
 * console's pages and the REST API's error bodies.
 */
package org.tributary.ejb.fields;
