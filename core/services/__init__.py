"""Services: what users and devices ask of the store. Each call is one write transaction
that validates, emits the op(s) and writes the audit entry, or refuses with a typed error
and changes nothing but an audit line saying it was refused."""
