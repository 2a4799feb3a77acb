"""Mail in the app: the compose window, the password question and the sending flow."""
