/**
 * Cron schedules of scan, analyze, vacuum and cluster tasks ({@code /api/v1/schedules}): stored in PostgreSQL,
 * claimed row by row by every API instance's ticker so each slot fires once, and submitted through the tasks
 * package's TaskSubmitter.
 */
package dev.sonority.api.schedules;
