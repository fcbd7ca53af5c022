/**
 * Moving a library: {@code GET /api/v1/library/export} streams every song's analysis and the playlists as one
 * versioned, checksummed zip ({@link dev.sonority.api.library.LibraryFormat}, described in docs/export.md), and
 * {@code POST /api/v1/library/import} reads one back into a library whose songs were scanned. Both are admin
 * endpoints: the access-control change puts {@code /api/v1/library/**} under the admin role.
 */
package dev.sonority.api.library;
