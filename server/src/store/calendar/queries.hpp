#pragma once
// Calendar feeds: looked up by the hash of their token, or by centre and user.

namespace cma::store::calendar::sql {

#define CMA_FEED_COLUMNS "id, centre_id, user_id, token_hash, created_at, revoked_at"

inline constexpr const char* kFindFeedByHash =
    "SELECT " CMA_FEED_COLUMNS " FROM calendar_feeds WHERE token_hash = :hash AND revoked_at = ''";
inline constexpr const char* kActiveFeedFor =
    "SELECT " CMA_FEED_COLUMNS
    " FROM calendar_feeds WHERE centre_id = :centre AND user_id = :user AND revoked_at = '' ORDER BY created_at DESC"
    " LIMIT 1";
inline constexpr const char* kInsertFeed =
    "INSERT INTO calendar_feeds (" CMA_FEED_COLUMNS ") VALUES (:id, :centre, :user, :hash, :created, '')";
inline constexpr const char* kRevokeFeeds =
    "UPDATE calendar_feeds SET revoked_at = :at WHERE centre_id = :centre AND user_id = :user AND revoked_at = ''";

}  // namespace cma::store::calendar::sql
