/** The Import/Export page: Darwin Streaming Server's qtusers, qtgroups and qtaccess files. */
package org.tributary.web.console.darwin;
