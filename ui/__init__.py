"""The Liaison desktop application (Qt). It talks to crm.services, never to the database."""
