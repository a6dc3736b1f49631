"""Which webhook targets are acceptable: http(s) URLs without credentials whose host is public.

Checked twice: when subscribing (a literal private address or `localhost` is refused at once),
and when connecting (backend/webhooks/network.py resolves the name itself, refuses non-public
addresses and connects to the address it checked, so a DNS answer cannot change in between).
"""

import ipaddress
from urllib.parse import urlsplit

URL_MAX_LENGTH = 2000
LOCAL_NAMES = ("localhost", "localhost.localdomain")


def is_public_address(address: str) -> bool:
    """False for private, loopback, link-local, multicast, reserved, shared and unspecified
    addresses, IPv4 or IPv6, including IPv4 addresses embedded in IPv6 ones."""
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    if isinstance(ip, ipaddress.IPv6Address):
        embedded = ip.ipv4_mapped or ip.sixtofour or (ip.teredo[1] if ip.teredo else None)
        if embedded is not None and not is_public_address(str(embedded)):
            return False
    return ip.is_global and not (
        ip.is_private
        or ip.is_loopback
        or ip.is_link_local
        or ip.is_multicast
        or ip.is_reserved
        or ip.is_unspecified
    )


def url_problem(url: str) -> str | None:
    """Why `url` cannot be a webhook target whatever the settings, or None."""
    if len(url) > URL_MAX_LENGTH:
        return f"The URL is longer than {URL_MAX_LENGTH} characters"
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018  (raises on a malformed port)
    except ValueError:
        return "The URL is not valid"
    if parts.scheme not in ("http", "https"):
        return "The URL must start with https:// or http://"
    if parts.username is not None or parts.password is not None:
        return "The URL must not contain a user name or password"
    if not parts.hostname:
        return "The URL has no host"
    if any(ch.isspace() for ch in url):
        return "The URL must not contain spaces"
    return None


def private_target_problem(url: str) -> str | None:
    """Why `url`'s host is visibly not public (a literal address or a local name), or None.
    Names are checked again, after resolution, on every connection."""
    host = (urlsplit(url).hostname or "").rstrip(".").lower()
    if host in LOCAL_NAMES or host.endswith(".localhost"):
        return f"{host} is this machine: webhook targets must be public"
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return None
    if not is_public_address(host):
        return f"{host} is not a public address: webhook targets must be public"
    return None
