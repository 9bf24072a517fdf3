/**
 * The deployment's MicroProfile Health checks, answered by WildFly's {@code /health/ready} and
 * {@code /health/live} on the management interface: {@code tributary-ready} once the adapter's listeners are
 * bound and the database answers, {@code tributary-live} while every sender loop runs. The decisions are plain
 * functions ({@link org.tributary.health.HealthVerdicts}); the check beans only gather their inputs, through the
 * adapter's connection factory and the datasource (this jar sits in the EAR's lib/, below the EJB jar, so it
 * cannot call the EJBs: see the module's pom).
 */
package org.tributary.health;
