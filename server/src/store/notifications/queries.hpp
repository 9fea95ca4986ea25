#pragma once
// Notifications: one user's, newest first (ids are time-ordered), or one by its dedupe key.

namespace cma::store::notifications::sql {

#define CMA_NOTIFICATION_COLUMNS \
  "id, centre_id, user_id, kind, title, body, appointment_id, dedupe_key, emailed_at, created_at, read_at"

inline constexpr const char* kFindNotificationForUser =
    "SELECT " CMA_NOTIFICATION_COLUMNS " FROM notifications WHERE centre_id = :centre AND user_id = :user AND id = :id";
inline constexpr const char* kFindNotificationByKey =
    "SELECT " CMA_NOTIFICATION_COLUMNS " FROM notifications WHERE centre_id = :centre AND dedupe_key = :key";
inline constexpr const char* kInsertNotification =
    "INSERT INTO notifications (" CMA_NOTIFICATION_COLUMNS
    ") VALUES (:id, :centre, :user, :kind, :title, :body, :appointment, :key, '', :created, '')";
inline constexpr const char* kMarkNotificationRead =
    "UPDATE notifications SET read_at = :at WHERE centre_id = :centre AND user_id = :user AND id = :id"
    " AND read_at = ''";
inline constexpr const char* kMarkAllNotificationsRead =
    "UPDATE notifications SET read_at = :at WHERE centre_id = :centre AND user_id = :user AND read_at = ''";
inline constexpr const char* kMarkNotificationEmailed =
    "UPDATE notifications SET emailed_at = :at WHERE centre_id = :centre AND id = :id";
inline constexpr const char* kListNotifications =
    "SELECT " CMA_NOTIFICATION_COLUMNS
    " FROM notifications WHERE centre_id = :centre AND user_id = :user AND (:unread = 0 OR read_at = '')"
    " AND (:after = '' OR id < :after) ORDER BY id DESC LIMIT :limit";
inline constexpr const char* kCountUnreadNotifications =
    "SELECT COUNT(*) FROM notifications WHERE centre_id = :centre AND user_id = :user AND read_at = ''";

}  // namespace cma::store::notifications::sql
