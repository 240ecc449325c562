"""Stitch's web pages in a real browser: headless Chromium driven by Selenium.

Run by BrowserTests.swift against a running `stitch serve --http` holding the demo community
and one admin account. It logs in with the keyboard, makes a referral (from the reason in
words when the text model is on, else from goals and interests), checks a buddy is suggested,
asks who can help, records an exchange with the first helper, opens the network overview and
a planning session, logs out, and saves a screenshot of each page (and of the referral at a
phone's width) as web-*.png in the screenshots folder.

    python3 browser_test.py --url http://127.0.0.1:PORT --name NAME --screenshots DIR [--meaning on]
    (the password in the environment variable STITCH_TEST_PASSWORD)

Prints one line per step; exits 1 with the reason when a step fails, and 3 (CANNOT_START)
when Chromium cannot start on this machine before any page is asked for, saying why.
"""

import argparse
import os
import resource
import signal
import subprocess
import time
import tempfile
import sys

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.common.exceptions import SessionNotCreatedException, WebDriverException
from selenium.webdriver.support.ui import WebDriverWait

DESKTOP = (1280, 900)
PHONE = (390, 844)
MOST_HEIGHT = 3200


# Exit status when Chromium cannot start on this machine, alone or through ChromeDriver, before
# any page is asked for: the machine's limit, not a fault in the pages. BrowserTests.swift reads it.
CANNOT_START = 3

# Lines of Chromium's standard error that say nothing of why it stopped.
NOISE = ("dbus/", "crashpad", "cpufreq", "FailureMessage Object", "Fontconfig", "unexpected operator")


def raise_address_space_limit():
    """Chromium reserves tens of gigabytes of address space at start (Oilpan's caged heap, V8's
    sandbox) and dies at once under a lower RLIMIT_AS. A soft limit below the hard one is raised
    to it for this process and the browser it starts; the limits are returned for the report."""
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    if soft != resource.RLIM_INFINITY and (hard == resource.RLIM_INFINITY or soft < hard):
        try:
            resource.setrlimit(resource.RLIMIT_AS, (hard, hard))
        except (ValueError, OSError) as error:
            print("could not raise the address-space limit: %s" % error)
    return soft, hard


def limit_text(value):
    return "unlimited" if value == resource.RLIM_INFINITY else "%.1f GiB" % (value / 2 ** 30)


def last_words(text, count=6):
    """The last lines of Chromium's standard error that say something, without repeats."""
    said = []
    for line in text.splitlines():
        line = line.strip().strip("#").strip()
        if line and not any(noise in line for noise in NOISE) and line not in said:
            said.append(line)
    return said[-count:]


def probe(binary):
    """Starts Chromium alone (no ChromeDriver, no Stitch) to print about:blank. Returns None
    when it can, else why not: its exit status or signal and its last words."""
    profile = tempfile.mkdtemp(prefix="stitch-chromium-probe-")
    command = [binary, "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
               "--no-first-run", "--user-data-dir=" + profile, "--dump-dom", "about:blank"]
    try:
        done = subprocess.run(command, capture_output=True, text=True, errors="replace", timeout=90)
    except subprocess.TimeoutExpired as expired:
        said = "\n".join(part.decode(errors="replace") if isinstance(part, bytes) else (part or "")
                         for part in (expired.stderr, expired.stdout))
        return ["did not print about:blank within 90 s"] + last_words(said)
    if done.returncode == 0 and "<html" in done.stdout:
        return None
    status = ("killed by signal %d (%s)" % (-done.returncode, signal.Signals(-done.returncode).name)
              if done.returncode < 0 else "exit status %d" % done.returncode)
    return [status] + last_words(done.stderr + "\n" + done.stdout)


def browser():
    """Headless Chromium. Chromium is first started alone; when even that fails the machine
    cannot run it, and the script says why and exits with CANNOT_START. Otherwise ChromeDriver
    gets up to six tries over about a minute and a half (Chromium has exited while starting on a
    loaded machine): the first as ChromeDriver starts it by default, the later ones each with a
    profile of its own and fewer helper processes. When every try fails, each try's reason and
    the last words of its browser log are printed last, where a shortened CI log still shows them,
    and the script exits with CANNOT_START too: no page was asked for yet."""
    binary = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    driver_path = os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")
    soft, hard = raise_address_space_limit()
    limits = "address-space limit %s (hard %s)" % (limit_text(soft), limit_text(hard))
    why = probe(binary)
    if why is not None:
        print("load average: %s; %s" % (" ".join("%.2f" % value for value in os.getloadavg()), limits))
        print("Chromium cannot start on this machine: " + "; ".join(why))
        sys.exit(CANNOT_START)
    logs = tempfile.mkdtemp(prefix="stitch-chromedriver-")
    failures = []
    tries = 6
    for attempt in range(tries):
        options = Options()
        options.binary_location = binary
        for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                         "--hide-scrollbars", "--force-device-scale-factor=1", "--lang=en-GB"):
            options.add_argument(argument)
        options.add_argument("--window-size=%d,%d" % DESKTOP)
        if attempt > 0:
            options.add_argument("--user-data-dir=" + tempfile.mkdtemp(prefix="stitch-chromium-"))
            for argument in ("--no-first-run", "--disable-crash-reporter", "--disable-extensions",
                             "--renderer-process-limit=2", "--remote-debugging-pipe"):
                options.add_argument(argument)
        log = os.path.join(logs, "try-%d.log" % (attempt + 1))
        service = Service(executable_path=driver_path, service_args=["--enable-chrome-logs"], log_output=log)
        try:
            driver = webdriver.Chrome(service=service, options=options)
            driver.implicitly_wait(5)
            if failures:
                print("Chromium started on try %d" % (attempt + 1))
            return driver
        except SessionNotCreatedException as error:
            failures.append((str(error).splitlines()[0], log))
            if attempt == tries - 1:
                break
            print("Chromium did not start (%s); trying again" % failures[-1][0])
            time.sleep(3 * 2 ** attempt)
    print("load average: %s; %s" % (" ".join("%.2f" % value for value in os.getloadavg()), limits))
    for number, (reason, log) in enumerate(failures, start=1):
        try:
            with open(log, errors="replace") as handle:
                words = last_words(handle.read(), 3)
        except OSError as error:
            words = ["no browser log: %s" % error]
        print("try %d: %s | %s" % (number, reason, " | ".join(words)))
    print("Chromium cannot start on this machine through ChromeDriver (it started alone) in %d tries" % tries)
    sys.exit(CANNOT_START)


def expect(condition, message):
    if not condition:
        raise AssertionError(message)


def shoot(driver, folder, name, size=DESKTOP):
    """The whole page (up to MOST_HEIGHT pixels) at the given width."""
    width, height = size
    driver.set_window_size(width, height)
    full = driver.execute_script("return document.documentElement.scrollHeight")
    driver.set_window_size(width, max(height, min(full, MOST_HEIGHT)))
    path = os.path.join(folder, "web-%s.png" % name)
    driver.save_screenshot(path)
    driver.set_window_size(*DESKTOP)
    print("screenshot", path)


def shoot_at(driver, folder, name, element_id, size):
    """A window of the given size, scrolled so the element is at its top."""
    driver.set_window_size(*size)
    driver.execute_script("document.getElementById(arguments[0]).scrollIntoView(true)", element_id)
    path = os.path.join(folder, "web-%s.png" % name)
    driver.save_screenshot(path)
    driver.set_window_size(*DESKTOP)
    print("screenshot", path)


def left_behind(old):
    """True once the element belongs to a page the browser has left. Chromium answers a
    question about such an element either as a stale reference or, when the new page's
    document replaced it mid-question, with an inspector error; both mean the page changed."""
    def check(_driver):
        try:
            old.is_enabled()
            return False
        except WebDriverException:
            return True
    return check


def and_wait(driver, action):
    """Runs an action that loads a new page (a click, a key), and waits until it has."""
    old = driver.find_element(By.TAG_NAME, "html")
    action()
    WebDriverWait(driver, 30).until(left_behind(old))
    WebDriverWait(driver, 30).until(lambda d: d.execute_script("return document.readyState") == "complete")


def submit(driver, button):
    and_wait(driver, button.click)


def fill(driver, field_id, text):
    field = driver.find_element(By.ID, field_id)
    field.clear()
    field.send_keys(text)
    return field


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", required=True)
    parser.add_argument("--name", required=True)
    parser.add_argument("--screenshots", required=True)
    parser.add_argument("--meaning", default="off")
    args = parser.parse_args()
    password = os.environ["STITCH_TEST_PASSWORD"]
    os.makedirs(args.screenshots, exist_ok=True)
    base = args.url.rstrip("/")
    driver = browser()
    try:
        # Logging in, by keyboard: every page sends a visitor to the login first.
        driver.get(base + "/refer")
        expect("/login" in driver.current_url, "not sent to the login: " + driver.current_url)
        expect(driver.find_element(By.CSS_SELECTOR, "label[for=name]").text == "Account name", "the name field has no label")
        shoot(driver, args.screenshots, "login")
        fill(driver, "name", args.name)
        password_field = fill(driver, "password", password)
        and_wait(driver, lambda: password_field.send_keys(Keys.RETURN))
        expect(driver.current_url.endswith("/refer"), "not back at the referral after logging in: " + driver.current_url)
        cookie = driver.get_cookie("stitch_session")
        expect(cookie is not None and cookie.get("httpOnly") and cookie.get("secure") and cookie.get("sameSite") == "Strict",
               "the session cookie is not HttpOnly, Secure and SameSite=Strict: %r" % cookie)
        print("logged in")

        driver.get(base + "/")
        expect("Hello, " + args.name in driver.page_source, "no greeting on the start page")
        shoot(driver, args.screenshots, "home")

        # A referral: the reason in words (and, without the text model, goals and interests).
        driver.get(base + "/refer")
        fill(driver, "member", "m-arthur")
        fill(driver, "reason", "lonely since his wife died, low mood, used to enjoy woodwork")
        if args.meaning != "on":
            driver.find_element(By.CSS_SELECTOR, "input[name=goals][value=connect]").click()
            fill(driver, "interests", "woodwork")
        submit(driver, driver.find_element(By.CSS_SELECTOR, "form.page-form button[type=submit]"))
        heading = driver.find_element(By.ID, "results-title")
        expect(heading.text == "Activities for m-arthur", "no results heading: " + heading.text)
        results = driver.find_elements(By.CSS_SELECTOR, "ol.results > li.result")
        expect(len(results) > 0, "no activity suggested")
        buddies = driver.find_elements(By.CSS_SELECTOR, "ol.results .buddy strong")
        expect(any(b.text.startswith("Go along with ") for b in buddies), "no buddy on the results")
        summary = driver.find_element(By.ID, "summary").get_attribute("value")
        expect(summary.startswith("Social prescribing") and "Go along with" in summary, "no summary for the GP record")
        if args.meaning == "on":
            reading = driver.page_source
            expect("How the reason was read" in reading, "the reason was not read by meaning")
        print("referral: %d activities, first with %s" % (len(results), buddies[0].text))
        shoot(driver, args.screenshots, "refer")
        shoot_at(driver, args.screenshots, "refer-phone", "results-title", (PHONE[0], 1400))

        # Who can help, and recording the exchange with the first helper.
        driver.get(base + "/help")
        fill(driver, "need", "accompany to hospital")
        fill(driver, "when", "tue 10-12")
        fill(driver, "requester", "m-arthur")
        submit(driver, driver.find_element(By.CSS_SELECTOR, "form.page-form button[type=submit]"))
        helpers = driver.find_elements(By.CSS_SELECTOR, "ol.results > li.result")
        expect(len(helpers) > 0, "nobody can help")
        shoot(driver, args.screenshots, "help")
        first = helpers[0]
        hours = first.find_element(By.CSS_SELECTOR, "input[name=hours]")
        hours.clear()
        hours.send_keys("2")
        submit(driver, first.find_element(By.CSS_SELECTOR, "form.inline-form button[type=submit]"))
        expect("Exchange recorded" in driver.find_element(By.TAG_NAME, "h1").text, "the exchange was not recorded")
        expect("2 hours" in driver.page_source, "the hours are not in the confirmation")
        print("exchange recorded")
        shoot(driver, args.screenshots, "exchange")

        # The network overview.
        driver.get(base + "/network")
        rows = driver.find_elements(By.CSS_SELECTOR, "table tbody tr")
        expect(len(rows) > 0, "no communities in the network overview")
        print("network: %d rows" % len(rows))
        shoot(driver, args.screenshots, "network")

        # A planning session typed in the form.
        driver.get(base + "/plan")
        fill(driver, "list", "m-maud, gp-downham\nm-arthur, gp-lee\nm-vera, gp-lee\nm-edith, gp-downham")
        submit(driver, driver.find_element(By.CSS_SELECTOR, "form.page-form button[type=submit]"))
        title = driver.find_element(By.ID, "plan-title").text
        expect(title.startswith("The plan: "), "no plan: " + title)
        print(title)
        shoot(driver, args.screenshots, "plan")

        # Logging out ends the session.
        submit(driver, driver.find_element(By.CSS_SELECTOR, "form.logout button"))
        expect("You have logged out" in driver.page_source, "no word of logging out")
        driver.get(base + "/refer")
        expect("/login" in driver.current_url, "the pages are still open after logging out")
        print("logged out")
    except Exception as error:  # noqa: BLE001 - report any failure as the test's reason
        print("FAILED:", error, "at", driver.current_url)
        try:
            driver.save_screenshot(os.path.join(args.screenshots, "web-failure.png"))
        except Exception:  # noqa: BLE001
            pass
        driver.quit()
        sys.exit(1)
    driver.quit()
    print("browser test passed")


if __name__ == "__main__":
    main()
