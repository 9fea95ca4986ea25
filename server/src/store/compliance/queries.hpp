#pragma once
// Compliance ticks: every statement names the centre and the case.

namespace cma::store::compliance::sql {

inline constexpr const char* kListTicks =
    "SELECT centre_id, case_id, item, evidence_note_id, ticked_by, ticked_at FROM compliance_ticks"
    " WHERE centre_id = :centre AND case_id = :case_id ORDER BY item";
inline constexpr const char* kDeleteTick =
    "DELETE FROM compliance_ticks WHERE centre_id = :centre AND case_id = :case_id AND item = :item";
inline constexpr const char* kInsertTick =
    "INSERT INTO compliance_ticks (centre_id, case_id, item, evidence_note_id, ticked_by, ticked_at)"
    " VALUES (:centre, :case_id, :item, :note, :by, :at)";

}  // namespace cma::store::compliance::sql
