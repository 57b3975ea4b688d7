# Bridges: Varnish (Debian's varnish 7.x) in front of gunicorn. Anonymous readers get pages from
# the cache; editors (a session cookie), readers with messages, the admin and every POST go
# straight to Django. Django says what may be kept (Cache-Control: s-maxage, stale-while-revalidate;
# private/no-store for anything personal, cms/caching.py) and bans what changed on publish
# (cms/frontend_cache.py sends BAN with an X-Ban-Url regular expression).
#
# /etc/varnish/default.vcl; in /etc/default/varnish (or the unit's ExecStart):
#   varnishd -a 127.0.0.1:6081 -f /etc/varnish/default.vcl -s malloc,256m
# and BRIDGES_VARNISH_URL=http://127.0.0.1:6081 in Bridges' environment.
vcl 4.1;

backend django {
    .host = "127.0.0.1";
    .port = "8000";
    .connect_timeout = 2s;
    .first_byte_timeout = 60s;
}

# Who may purge: the app servers (add their addresses when they run on other machines).
acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    if (req.method == "BAN") {
        if (client.ip !~ purgers) {
            return (synth(405, "Not allowed"));
        }
        if (!req.http.X-Ban-Url) {
            return (synth(400, "X-Ban-Url missing"));
        }
        # One site: objects are banned by path (with any query string the regex allows).
        ban("obj.http.X-Url ~ " + req.http.X-Ban-Url);
        return (synth(200, "Banned"));
    }
    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(405, "Not allowed"));
        }
        return (purge);
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    if (req.url ~ "^/(admin|documents|django-admin)(/|$)") {
        return (pass);
    }
    # A logged-in editor (sessionid) or a reader with a message waiting: Django answers.
    if (req.http.Cookie ~ "(^|;\s*)(sessionid|messages)=") {
        return (pass);
    }
    # Every other cookie (csrftoken, analytics) changes nothing for a page read anonymously.
    unset req.http.Cookie;
    unset req.http.Authorization;
    return (hash);
}

sub vcl_hash {
    # One public address (WAGTAILADMIN_BASE_URL): the path is the key, so a ban by path is exact.
    hash_data(req.url);
    return (lookup);
}

sub vcl_backend_response {
    # Remember the path for bans (lurker-friendly: bans test objects, not requests).
    set beresp.http.X-Url = bereq.url;
    # Set-Cookie, private, no-store and no-cache fall through to the built-in rules: not kept.
}

sub vcl_deliver {
    unset resp.http.X-Url;
    if (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
}
