from apps.core.models import BodyProfile


def body_profile(request):
    return {"body": BodyProfile.load()}
