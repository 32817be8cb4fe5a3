"""Printable and downloadable documents of matchmaking: agendas, badges, table plans, schedule exports.

Each module turns models into bytes (PDF, CSV, XLSX); views only choose who may have which
and send the bytes with a file name.
"""
