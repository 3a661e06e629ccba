from django.apps import AppConfig


class BatchConfig(AppConfig):
    name = "taizhang.batch"
    verbose_name = "年终批量生成"
    default_auto_field = "django.db.models.BigAutoField"
