/** The EJB side's handle on the resource adapter, through its outbound connection factory. */
package org.tributary.ejb.adapter;
