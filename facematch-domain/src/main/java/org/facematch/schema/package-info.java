/**
 * The database schema and its health. The schema is owned by versioned Flyway migrations in {@code
 * db/migration}, applied at deploy time; JPA never generates DDL. Readiness is reported only once
 * the database answers and no migration is pending.
 */
package org.facematch.schema;
