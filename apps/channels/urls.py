from django.urls import path

from apps.channels import views

app_name = "channels"

urlpatterns = [
    path("<slug:provider>/", views.webhook, name="webhook"),
]
