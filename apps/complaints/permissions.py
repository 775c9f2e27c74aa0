"""Who may take which step on which complaint (role permission + unit scope)."""

from apps.accounts.roles import can_act_on_unit

# Workflow step -> the permission it needs (codenames of apps/complaints/roles.py).
STEP_PERMISSIONS = {
    "verify": "complaints.verify_complaint",
    "reject": "complaints.verify_complaint",
    "forward": "complaints.forward_complaint",
    "follow_up": "complaints.follow_up_complaint",
    "resolve": "complaints.resolve_complaint",
    "reopen": "complaints.resolve_complaint",
    "lapor": "complaints.record_lapor_complaint",
}


def can_take_step(user, step: str, complaint) -> bool:
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    if not user.has_perm(STEP_PERMISSIONS[step]):
        return False
    return can_act_on_unit(user, complaint.unit_id)
