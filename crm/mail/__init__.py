"""Mail: messages with attachments sent through the office's SMTP server, or saved as drafts.

config (this computer's mail settings), message (a draft into a MIME message), passwords (the
OS keyring, plain-text keyrings refused), transport (SMTP over verified TLS only), drafts
(.eml files a mail client opens for sending), register (the sent message in the register),
sending (the whole flow). smtplib, ssl and keyring are imported only when mail is sent.
"""
