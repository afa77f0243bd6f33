"""bench/suite's client: PAIRS times, create a coupon (a new id) then retrieve it, one request at a
time on one keep-alive connection, as a test suite does. Prints the ms elapsed when each mark's
pairs were done, then the errors: "100=812 300=2301 1000=7010 errors=0"."""
import http.client, sys, time, urllib.parse, uuid

url, key, pairs = sys.argv[1], sys.argv[2], int(sys.argv[3])
marks = sorted({m for m in (100, 300, 1000, 3000, 10000) if m < pairs} | {pairs})
target = urllib.parse.urlsplit(url)
connection = http.client.HTTPConnection(target.hostname, target.port)
auth = {"Authorization": "Bearer " + key}
prefix = "SUITE" + uuid.uuid4().hex[:8]
errors, done, started = 0, [], time.monotonic()


def call(method, path, body=None):
    headers = dict(auth, **({"Content-Type": "application/x-www-form-urlencoded"} if body else {}))
    connection.request(method, path, body=body, headers=headers)
    response = connection.getresponse()
    response.read()
    return response.status


for n in range(1, pairs + 1):
    coupon = "%s%d" % (prefix, n)
    errors += call("POST", "/v1/coupons", "id=%s&percent_off=10&duration=once" % coupon) != 200
    errors += call("GET", "/v1/coupons/" + coupon) != 200
    if n in marks:
        done.append("%d=%d" % (n, (time.monotonic() - started) * 1000))
print(" ".join(done), "errors=%d" % errors)
