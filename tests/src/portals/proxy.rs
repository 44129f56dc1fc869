//! A small TCP fault proxy on 127.0.0.1 in front of a real portal: every request passes
//! through to the server unchanged unless a rule says otherwise — drop the connection, stall
//! past the client's timeout, answer 500 or a redirect itself, or let the server act and lose
//! its answer.
//! One request per client connection (`Connection: close` both ways), so each request meets
//! exactly one rule.

use std::collections::VecDeque;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{Shutdown, SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::Duration;

/// What happens to one request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fault {
    /// The request is read and the connection closed: nothing reaches the server.
    Drop,
    /// Nothing answers for this long (past the client's timeout), then the line closes.
    Stall(Duration),
    /// The proxy answers this status itself; the server never sees the request.
    Status(u16),
    /// The server gets the request and acts; its answer is lost.
    ActThenDrop,
    /// The server acts; the client is kept waiting this long, then the line closes.
    ActThenStall(Duration),
    /// The proxy answers this redirect status itself, `Location` the same path and query at
    /// `http://<address>` (the proxy's own address: a redirect within the portal; another:
    /// a redirect to another host).
    Redirect(u16, SocketAddr),
}

#[derive(Debug)]
struct Rule {
    /// A piece of the request line ("POST /wp-json/wp/v2/posts"), or any request.
    matching: Option<String>,
    fault: Fault,
    /// How many requests it still takes; `None`: every one until cleared.
    times: Option<usize>,
}

#[derive(Default)]
struct State {
    rules: VecDeque<Rule>,
    /// Request lines seen, in order, with the fault applied (if any).
    seen: Vec<(String, Option<Fault>)>,
}

pub struct FaultProxy {
    pub url: String,
    state: Arc<Mutex<State>>,
    stop: Arc<AtomicBool>,
    addr: SocketAddr,
}

impl FaultProxy {
    /// A proxy on a free port of 127.0.0.1 in front of `upstream` (`http://127.0.0.1:PORT`).
    pub fn start(upstream: &str) -> FaultProxy {
        let upstream: SocketAddr = upstream
            .trim_start_matches("http://")
            .trim_end_matches('/')
            .parse()
            .expect("the upstream is http://127.0.0.1:PORT");
        let listener = TcpListener::bind("127.0.0.1:0").expect("a free port on 127.0.0.1");
        let addr = listener.local_addr().expect("bound");
        let state = Arc::new(Mutex::new(State::default()));
        let stop = Arc::new(AtomicBool::new(false));
        {
            let state = Arc::clone(&state);
            let stop = Arc::clone(&stop);
            thread::spawn(move || {
                for client in listener.incoming() {
                    if stop.load(Ordering::Relaxed) {
                        break;
                    }
                    let Ok(client) = client else { continue };
                    let state = Arc::clone(&state);
                    thread::spawn(move || serve(client, upstream, &state));
                }
            });
        }
        FaultProxy {
            url: format!("http://{addr}"),
            state,
            stop,
            addr,
        }
    }

    /// The next `times` requests whose request line contains `matching` meet `fault`.
    pub fn fail(&self, matching: &str, fault: Fault, times: usize) {
        self.lock().rules.push_back(Rule {
            matching: Some(matching.to_string()),
            fault,
            times: Some(times),
        });
    }

    /// Every request meets `fault` until [`FaultProxy::heal`].
    pub fn fail_all(&self, fault: Fault) {
        self.lock().rules.push_back(Rule {
            matching: None,
            fault,
            times: None,
        });
    }

    /// No more faults: everything passes.
    pub fn heal(&self) {
        self.lock().rules.clear();
    }

    /// Where the proxy listens (for a redirect back to itself).
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// Request lines seen so far with the fault each met.
    pub fn seen(&self) -> Vec<(String, Option<Fault>)> {
        self.lock().seen.clone()
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|p| p.into_inner())
    }
}

impl Drop for FaultProxy {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        let _ = TcpStream::connect(self.addr); // wakes the accept loop
    }
}

/// The fault for `line`, taking one use of its rule.
fn fault_for(state: &Mutex<State>, line: &str) -> Option<Fault> {
    let mut state = state.lock().unwrap_or_else(|p| p.into_inner());
    let index = state.rules.iter().position(|rule| {
        rule.matching.as_deref().is_none_or(|m| line.contains(m)) && rule.times != Some(0)
    });
    let fault = index.map(|i| {
        let rule = &mut state.rules[i];
        if let Some(times) = rule.times.as_mut() {
            *times -= 1;
        }
        rule.fault
    });
    state.seen.push((line.to_string(), fault));
    fault
}

fn serve(client: TcpStream, upstream: SocketAddr, state: &Mutex<State>) {
    let _ = client.set_read_timeout(Some(Duration::from_secs(30)));
    let Some((line, request)) = read_request(&client) else {
        return;
    };
    let mut client = client;
    match fault_for(state, &line) {
        None => {
            if let Some(answer) = forward(&request, upstream) {
                let _ = client.write_all(&answer);
            }
        }
        Some(Fault::Drop) => {}
        Some(Fault::Stall(time)) => thread::sleep(time),
        Some(Fault::Status(status)) => {
            let body = format!(r#"{{"code":"injected","message":"fault proxy: {status}"}}"#);
            let _ = write!(
                client,
                "HTTP/1.1 {status} Injected\r\nContent-Type: application/json\r\n\
                 Content-Length: {}\r\nConnection: close\r\n\r\n{body}",
                body.len()
            );
        }
        Some(Fault::Redirect(status, to)) => {
            let target = line.split_whitespace().nth(1).unwrap_or("/");
            let _ = write!(
                client,
                "HTTP/1.1 {status} Moved\r\nLocation: http://{to}{target}\r\n\
                 Content-Length: 0\r\nConnection: close\r\n\r\n"
            );
        }
        Some(Fault::ActThenDrop) => {
            forward(&request, upstream);
        }
        Some(Fault::ActThenStall(time)) => {
            forward(&request, upstream);
            thread::sleep(time);
        }
    }
    let _ = client.shutdown(Shutdown::Both);
}

/// One whole request (headers and its Content-Length body), with `Connection: close`.
fn read_request(client: &TcpStream) -> Option<(String, Vec<u8>)> {
    let mut reader = BufReader::new(client);
    let mut line = String::new();
    reader.read_line(&mut line).ok()?;
    let request_line = line.trim_end().to_string();
    if request_line.is_empty() {
        return None;
    }
    let mut head = line.clone();
    let mut length = 0usize;
    loop {
        let mut header = String::new();
        reader.read_line(&mut header).ok()?;
        if header == "\r\n" || header.is_empty() {
            break;
        }
        let lower = header.to_ascii_lowercase();
        if let Some(value) = lower.strip_prefix("content-length:") {
            length = value.trim().parse().ok()?;
        }
        if lower.starts_with("connection:") {
            continue;
        }
        head.push_str(&header);
    }
    head.push_str("Connection: close\r\n\r\n");
    let mut request = head.into_bytes();
    let mut body = vec![0u8; length];
    reader.read_exact(&mut body).ok()?;
    request.extend_from_slice(&body);
    Some((request_line, request))
}

/// Sends the request to the server and reads its whole answer (the server closes).
fn forward(request: &[u8], upstream: SocketAddr) -> Option<Vec<u8>> {
    let mut server = TcpStream::connect_timeout(&upstream, Duration::from_secs(10)).ok()?;
    let _ = server.set_read_timeout(Some(Duration::from_secs(60)));
    server.write_all(request).ok()?;
    let mut answer = Vec::new();
    server.read_to_end(&mut answer).ok()?;
    Some(with_connection_close(answer))
}

/// The answer with `Connection: close`, so the client opens a new line for its next request.
fn with_connection_close(answer: Vec<u8>) -> Vec<u8> {
    let Some(end) = answer.windows(4).position(|w| w == b"\r\n\r\n") else {
        return answer;
    };
    let head = String::from_utf8_lossy(&answer[..end]).into_owned();
    let mut out: Vec<String> = head
        .split("\r\n")
        .filter(|h| !h.to_ascii_lowercase().starts_with("connection:"))
        .map(str::to_owned)
        .collect();
    out.push("Connection: close".into());
    let mut bytes = out.join("\r\n").into_bytes();
    bytes.extend_from_slice(&answer[end..]);
    bytes
}
