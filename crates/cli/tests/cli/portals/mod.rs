//! Publishing against real portals on 127.0.0.1: a real WordPress (Debian's packages), the
//! reference ninjs endpoint, a real Secret Service for the secrets, and a TCP fault proxy in
//! front of the server for the outbox's faults.

mod answers;
mod conflict;
mod deep;
mod faults;
mod ghost;
mod harness;
mod ninjs;
mod profiles;
mod secrets;
mod wordpress;
