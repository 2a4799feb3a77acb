"""Personal data under the EU GDPR: what the office holds on a person and their rights over it.

- export.py (and export_pdf.py): Art. 15, everything held on one person, as JSON and as PDF;
- erasure.py (with links.py and scrub.py): Art. 17, erasing a person so that nothing of them
  remains in the database file, its search index, its history or its free pages, while the
  records of everyone else stay as they are;
- retention.py: the people with no activity for N years, for the office to review.

The legal basis of keeping each person's data (Art. 6(1)) is a field of the person
(crm.services.people, crm.vocabulary.legal_bases).
"""
