"""The dashboard's static files (static/), served by the API; vendor/ data is copied in at install time."""
