/**
 * The database schema and its health. The schema is owned by versioned Flyway migrations in {@code
 * db/migration}, applied at deploy time; JPA never generates DDL. Readiness is reported only once
 * the database answers and no migration is pending. Jobs that one node of a cluster runs per
 * interval are claimed here, in the database every node shares.
 */
package org.facematch.schema;
