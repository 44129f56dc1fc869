//! A portal that answers what the test says, on 127.0.0.1: for answers no real portal gives
//! on request — a 63 MiB page, a list that never ends, a body larger than it says. Each
//! request is answered by a function of its request line; one request per connection.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{Shutdown, SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::Duration;

/// One answer: status, headers (Content-Length and Connection are added), body.
#[derive(Clone)]
pub struct Answer {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Arc<Vec<u8>>,
    /// Whether `Content-Length` is sent; without it the body ends when the line closes.
    pub announce_length: bool,
}

impl Answer {
    /// 200 with a JSON body.
    pub fn json(body: impl Into<Vec<u8>>) -> Answer {
        Answer {
            status: 200,
            headers: vec![("Content-Type".into(), "application/json".into())],
            body: Arc::new(body.into()),
            announce_length: true,
        }
    }

    /// 200 with a JSON body shared between answers (a large one, made once).
    pub fn shared(body: Arc<Vec<u8>>) -> Answer {
        Answer {
            status: 200,
            headers: vec![("Content-Type".into(), "application/json".into())],
            body,
            announce_length: true,
        }
    }

    pub fn status(mut self, status: u16) -> Answer {
        self.status = status;
        self
    }

    pub fn header(mut self, name: &str, value: impl Into<String>) -> Answer {
        self.headers.push((name.into(), value.into()));
        self
    }

    /// Without `Content-Length`: the client learns the size only by reading.
    pub fn without_length(mut self) -> Answer {
        self.announce_length = false;
        self
    }
}

type Script = dyn Fn(&str) -> Answer + Send + Sync;

pub struct CannedPortal {
    pub url: String,
    seen: Arc<Mutex<Vec<String>>>,
    stop: Arc<AtomicBool>,
    addr: SocketAddr,
}

impl CannedPortal {
    /// A server on a free port of 127.0.0.1 answering each request line (`GET /path?query
    /// HTTP/1.1`) with `script(line)`.
    pub fn start(script: impl Fn(&str) -> Answer + Send + Sync + 'static) -> CannedPortal {
        let listener = TcpListener::bind("127.0.0.1:0").expect("a free port on 127.0.0.1");
        let addr = listener.local_addr().expect("bound");
        let script: Arc<Script> = Arc::new(script);
        let seen = Arc::new(Mutex::new(Vec::new()));
        let stop = Arc::new(AtomicBool::new(false));
        {
            let (seen, stop) = (Arc::clone(&seen), Arc::clone(&stop));
            thread::spawn(move || {
                for client in listener.incoming() {
                    if stop.load(Ordering::Relaxed) {
                        break;
                    }
                    let Ok(client) = client else { continue };
                    let (script, seen) = (Arc::clone(&script), Arc::clone(&seen));
                    thread::spawn(move || answer(client, script.as_ref(), &seen));
                }
            });
        }
        CannedPortal {
            url: format!("http://{addr}"),
            seen,
            stop,
            addr,
        }
    }

    /// The request lines answered so far, with the request's Authorization header (if any)
    /// after a tab.
    pub fn seen(&self) -> Vec<String> {
        self.seen.lock().unwrap_or_else(|p| p.into_inner()).clone()
    }
}

impl Drop for CannedPortal {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        let _ = TcpStream::connect(self.addr); // wakes the accept loop
    }
}

fn answer(client: TcpStream, script: &Script, seen: &Mutex<Vec<String>>) {
    let _ = client.set_read_timeout(Some(Duration::from_secs(30)));
    let mut reader = BufReader::new(&client);
    let mut line = String::new();
    if reader.read_line(&mut line).is_err() || line.trim().is_empty() {
        return;
    }
    let line = line.trim_end().to_string();
    let mut length = 0usize;
    let mut authorization = String::new();
    loop {
        let mut header = String::new();
        if reader.read_line(&mut header).is_err() || header == "\r\n" || header.is_empty() {
            break;
        }
        let lower = header.to_ascii_lowercase();
        if let Some(value) = lower.strip_prefix("content-length:") {
            length = value.trim().parse().unwrap_or(0);
        }
        if lower.starts_with("authorization:") {
            authorization = header["authorization:".len()..].trim().to_string();
        }
    }
    let mut body = vec![0u8; length.min(256 * 1024 * 1024)];
    let _ = reader.read_exact(&mut body);
    seen.lock()
        .unwrap_or_else(|p| p.into_inner())
        .push(format!("{line}\t{authorization}"));
    let answer = script(&line);
    let mut head = format!("HTTP/1.1 {} Canned\r\n", answer.status);
    let mut has_length = false;
    for (name, value) in &answer.headers {
        has_length |= name.eq_ignore_ascii_case("content-length");
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    if !has_length && answer.announce_length {
        head.push_str(&format!("Content-Length: {}\r\n", answer.body.len()));
    }
    head.push_str("Connection: close\r\n\r\n");
    let mut client = client;
    let _ = client.write_all(head.as_bytes());
    let _ = client.write_all(&answer.body);
    let _ = client.flush();
    let _ = client.shutdown(Shutdown::Both);
}
