from apps.channels.models import ConversationStatus as S
from apps.core.workflow import Workflow

CONVERSATION_WORKFLOW = Workflow(
    "conversation",
    S,
    {
        S.NEW: {S.IN_PROGRESS, S.CONVERTED, S.CLOSED},
        S.IN_PROGRESS: {S.CONVERTED, S.CLOSED},
        # A new message in a closed thread (e-mail reply) puts it back in the queue.
        S.CLOSED: {S.NEW},
    },
)
