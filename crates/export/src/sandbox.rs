//! The newsroom's templates run with a budget. A template is a program (minijinja for the HTML
//! page, Typst for the print version): one that loops or grows without end must not take the
//! editor's Newsdesk with it. Neither engine can be stopped from outside, so the templates run
//! in a second Newsdesk process — the same program, started with a hidden first argument —
//! whose memory is capped ([`MAX_TEMPLATE_MEMORY`]) and which is killed when its time is up
//! ([`MAX_TEMPLATE_SECONDS`]). The export is then refused in words naming the budget and the
//! template; the editor's process keeps its memory.
//!
//! A program that wants this calls [`serve_template_child_if_asked`] first thing in `main`;
//! where nobody did (library tests), templates run in-process as before. A child stays alive
//! between exports (Typst's fonts parsed once); a killed one is replaced on the next export.

use std::ffi::OsStr;
use std::io::{self, BufReader, BufWriter, Read, Write};
use std::path::PathBuf;
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::sync::{Arc, Mutex, OnceLock};
use std::thread::JoinHandle;
use std::time::Duration;

use chrono::NaiveDate;
use newsdesk_model::limits::{
    MAX_EXPORT_BYTES, MAX_TEMPLATE_MEMORY, MAX_TEMPLATE_SECONDS, human_bytes,
};
use serde::{Deserialize, Serialize};

use crate::ExportError;
use crate::jobs::{PageJob, PrintJob};

/// The hidden first argument that makes a Newsdesk program a template child.
const CHILD_ARG: &str = "--newsdesk-template-child";

/// How many idle children are kept for the next exports.
const IDLE_CHILDREN: usize = 2;

/// The program children are started from, once a binary declared it serves them.
static RUNNER: OnceLock<PathBuf> = OnceLock::new();

static IDLE: Mutex<Vec<TemplateChild>> = Mutex::new(Vec::new());

/// Call first thing in `main` of a Newsdesk program. Started as a template child, this serves
/// templates on standard input and output and ends the process (it never returns); otherwise
/// it declares that this program can be started as one, and returns at once.
pub fn serve_template_child_if_asked() {
    if std::env::args_os().nth(1).as_deref() == Some(OsStr::new(CHILD_ARG)) {
        serve();
    }
    if let Ok(exe) = std::env::current_exe() {
        let _ = RUNNER.set(exe);
    }
}

/// Runs templates in processes started from `program` — a Newsdesk program that calls
/// [`serve_template_child_if_asked`] first thing — for a program that cannot serve them
/// itself (a test harness). Has no effect once a program was declared.
pub fn use_template_runner(program: impl Into<PathBuf>) {
    let _ = RUNNER.set(program.into());
}

/// The HTML page of `job`, made within the budget.
pub(crate) fn page(job: PageJob) -> Result<String, ExportError> {
    let Some(runner) = RUNNER.get() else {
        return crate::html_render::render_page(&job);
    };
    let bytes = run(runner, "article.html", &Request::Page(job), &[])?;
    String::from_utf8(bytes)
        .map_err(|_| ExportError::template("article.html", "the page is not UTF-8"))
}

/// The PDF of `job`, typeset within the budget.
pub(crate) fn print(job: PrintJob) -> Result<Vec<u8>, ExportError> {
    let Some(runner) = RUNNER.get() else {
        return crate::typeset::typeset(job);
    };
    let request = Request::Print {
        main: job.main,
        template: job.template,
        today: job.today,
        pictures: job.pictures.iter().map(|(index, _)| *index).collect(),
        fonts: job.fonts.len(),
    };
    let blobs: Vec<&[u8]> = job
        .pictures
        .iter()
        .map(|(_, bytes)| bytes.as_slice())
        .chain(job.fonts.iter().map(Vec::as_slice))
        .collect();
    run(runner, "article.typ", &request, &blobs)
}

/// What the parent asks; the pictures' and fonts' bytes follow as blobs, in that order.
#[derive(Serialize, Deserialize)]
enum Request {
    Page(PageJob),
    Print {
        main: String,
        template: String,
        today: NaiveDate,
        pictures: Vec<usize>,
        fonts: usize,
    },
}

/// What the child answers; the page or the PDF follows as the one blob.
#[derive(Serialize, Deserialize)]
enum Answer {
    Made,
    Refused(WireError),
}

/// An [`ExportError`] as plain data.
#[derive(Serialize, Deserialize)]
enum WireError {
    Template { template: String, message: String },
    Typeset(String),
    Io { path: String, message: String },
    Bundle(String),
}

impl From<ExportError> for WireError {
    fn from(error: ExportError) -> Self {
        match error {
            ExportError::Template { template, message } => {
                WireError::Template { template, message }
            }
            ExportError::Typeset(message) => WireError::Typeset(message),
            ExportError::Io { path, source } => WireError::Io {
                path,
                message: source.to_string(),
            },
            ExportError::Bundle(message) => WireError::Bundle(message),
        }
    }
}

impl From<WireError> for ExportError {
    fn from(error: WireError) -> Self {
        match error {
            WireError::Template { template, message } => {
                ExportError::Template { template, message }
            }
            WireError::Typeset(message) => ExportError::Typeset(message),
            WireError::Io { path, message } => ExportError::Io {
                path,
                source: io::Error::other(message),
            },
            WireError::Bundle(message) => ExportError::Bundle(message),
        }
    }
}

/// The budget of one export's templates: `NEWSDESK_TEMPLATE_SECONDS`, else the default.
fn time_budget() -> Duration {
    let seconds = std::env::var("NEWSDESK_TEMPLATE_SECONDS")
        .ok()
        .and_then(|v| v.trim().parse::<u64>().ok())
        .filter(|s| *s > 0)
        .unwrap_or(MAX_TEMPLATE_SECONDS);
    Duration::from_secs(seconds)
}

// ---- The messages: a JSON header and byte blobs, each after its length. ----

fn write_message(out: &mut impl Write, header: &impl Serialize, blobs: &[&[u8]]) -> io::Result<()> {
    let header = serde_json::to_vec(header).map_err(io::Error::other)?;
    out.write_all(&(header.len() as u64).to_le_bytes())?;
    out.write_all(&header)?;
    out.write_all(&(blobs.len() as u64).to_le_bytes())?;
    for blob in blobs {
        out.write_all(&(blob.len() as u64).to_le_bytes())?;
        out.write_all(blob)?;
    }
    out.flush()
}

/// A message read whole, refused (`InvalidData`, before it is read) once it would pass `max`
/// bytes.
fn read_message(input: &mut impl Read, max: u64) -> io::Result<Message> {
    let mut left = max;
    let mut length = |input: &mut dyn Read| -> io::Result<usize> {
        let mut bytes = [0u8; 8];
        input.read_exact(&mut bytes)?;
        let length = u64::from_le_bytes(bytes);
        if length > left {
            return Err(io::Error::new(io::ErrorKind::InvalidData, TOO_LARGE));
        }
        left -= length;
        usize::try_from(length).map_err(|_| io::Error::new(io::ErrorKind::InvalidData, TOO_LARGE))
    };
    let mut header = vec![0; length(input)?];
    input.read_exact(&mut header)?;
    let mut count = [0u8; 8];
    input.read_exact(&mut count)?;
    let mut blobs = Vec::new();
    for _ in 0..u64::from_le_bytes(count) {
        let mut blob = vec![0; length(input)?];
        input.read_exact(&mut blob)?;
        blobs.push(blob);
    }
    Ok((header, blobs))
}

/// A message: its JSON header and its blobs.
type Message = (Vec<u8>, Vec<Vec<u8>>);

const TOO_LARGE: &str = "the answer is larger than the limit";

// ---- The parent's side. ----

/// A child serving templates, with its answers read on a thread of their own.
struct TemplateChild {
    process: Child,
    input: BufWriter<ChildStdin>,
    answers: Receiver<io::Result<Message>>,
    /// The last lines it wrote to its standard error (Rust says there why it ended).
    errors: Arc<Mutex<Vec<u8>>>,
    errors_reader: Option<JoinHandle<()>>,
}

impl TemplateChild {
    fn start(runner: &PathBuf) -> io::Result<TemplateChild> {
        let mut process = Command::new(runner)
            .arg(CHILD_ARG)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()?;
        let missing = || io::Error::other("the child's pipes are missing");
        let input = BufWriter::new(process.stdin.take().ok_or_else(missing)?);
        let mut output = BufReader::new(process.stdout.take().ok_or_else(missing)?);
        let mut stderr = process.stderr.take().ok_or_else(missing)?;
        let (send, answers) = mpsc::channel();
        std::thread::Builder::new()
            .name("template answers".into())
            .spawn(move || {
                // The header of an answer is small; the page or PDF is bounded by the limit.
                while let Ok(()) = send.send(read_message(&mut output, MAX_EXPORT_BYTES + 65_536)) {
                }
            })?;
        let errors = Arc::new(Mutex::new(Vec::new()));
        let kept = Arc::clone(&errors);
        let errors_reader = std::thread::Builder::new()
            .name("template errors".into())
            .spawn(move || {
                let mut chunk = [0u8; 4096];
                while let Ok(n) = stderr.read(&mut chunk) {
                    if n == 0 {
                        break;
                    }
                    let mut kept = kept.lock().unwrap_or_else(|p| p.into_inner());
                    kept.extend_from_slice(&chunk[..n]);
                    let excess = kept.len().saturating_sub(8192);
                    kept.drain(..excess);
                }
            })?;
        Ok(TemplateChild {
            process,
            input,
            answers,
            errors,
            errors_reader: Some(errors_reader),
        })
    }

    /// Ends the child and says what it wrote to standard error.
    fn end(mut self) -> (Option<std::process::ExitStatus>, String) {
        let _ = self.process.kill();
        let status = self.process.wait().ok();
        if let Some(reader) = self.errors_reader.take() {
            let _ = reader.join();
        }
        let errors = self.errors.lock().unwrap_or_else(|p| p.into_inner());
        (status, String::from_utf8_lossy(&errors).into_owned())
    }
}

/// Runs `request` in a child within the budget; `template` is named in a refusal.
fn run(
    runner: &PathBuf,
    template: &str,
    request: &Request,
    blobs: &[&[u8]],
) -> Result<Vec<u8>, ExportError> {
    let refused = |message: String| ExportError::template(template, message);
    for _ in 0..2 {
        let idle = IDLE.lock().unwrap_or_else(|p| p.into_inner()).pop();
        let fresh = idle.is_none();
        let mut child = match idle {
            Some(child) => child,
            None => TemplateChild::start(runner).map_err(|e| {
                refused(format!(
                    "the process that runs templates ({}) could not be started: {e}; \
                     restart Newsdesk",
                    runner.display()
                ))
            })?,
        };
        // What it wrote for an earlier export is no reason for this one's end.
        child
            .errors
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .clear();
        if let Err(e) = write_message(&mut child.input, request, blobs) {
            let _ = child.end();
            if fresh {
                return Err(refused(format!(
                    "the process that runs templates did not listen: {e}"
                )));
            }
            // An idle child that ended meanwhile: a new one takes the export.
            continue;
        }
        let budget = time_budget();
        return match child.answers.recv_timeout(budget) {
            Ok(Ok((header, mut blobs))) => {
                let answer: Answer = serde_json::from_slice(&header).map_err(|e| {
                    refused(format!("the template's answer was not understood: {e}"))
                })?;
                let mut idle = IDLE.lock().unwrap_or_else(|p| p.into_inner());
                if idle.len() < IDLE_CHILDREN {
                    idle.push(child);
                } else {
                    drop(idle);
                    let _ = child.end();
                }
                match answer {
                    Answer::Made => blobs
                        .pop()
                        .ok_or_else(|| refused("the template gave back nothing".into())),
                    Answer::Refused(error) => Err(error.into()),
                }
            }
            Ok(Err(e)) if e.kind() == io::ErrorKind::InvalidData => {
                let _ = child.end();
                Err(refused(format!(
                    "it made more than {}, the limit for an exported file (MAX_EXPORT_BYTES), \
                     and was stopped",
                    human_bytes(MAX_EXPORT_BYTES)
                )))
            }
            Err(RecvTimeoutError::Timeout) => {
                let _ = child.end();
                Err(refused(format!(
                    "it ran longer than {} s, the time an export's template may take \
                     (MAX_TEMPLATE_SECONDS), and was stopped: a template that loops, or an \
                     article too long to set in that time (export it as HTML, or in parts)",
                    budget.as_secs()
                )))
            }
            Ok(Err(_)) | Err(RecvTimeoutError::Disconnected) => {
                let (status, errors) = child.end();
                Err(refused(ended(status, &errors)))
            }
        };
    }
    Err(refused(
        "the process that runs templates ended before it was asked".into(),
    ))
}

/// Why a child ended without its answer, in words.
fn ended(status: Option<std::process::ExitStatus>, errors: &str) -> String {
    let out_of_memory = [
        "memory allocation of",
        "Cannot allocate memory",
        "os error 12",
    ]
    .iter()
    .any(|sign| errors.contains(sign));
    if out_of_memory {
        return format!(
            "it needed more than {} of memory, what an export's template may take \
             (MAX_TEMPLATE_MEMORY), and was stopped: a template that grows without end, or \
             an article too long to set within it (export it as HTML, or in parts)",
            human_bytes(MAX_TEMPLATE_MEMORY)
        );
    }
    let last = errors
        .lines()
        .rev()
        .find(|line| !line.trim().is_empty())
        .unwrap_or("")
        .trim();
    let status = status.map_or_else(|| "ended".to_owned(), |s| s.to_string());
    if last.is_empty() {
        format!("the process that ran it ended without an answer ({status})")
    } else {
        format!("the process that ran it ended without an answer ({status}): {last}")
    }
}

// ---- The child's side. ----

/// Serves templates until standard input ends, then ends the process.
fn serve() -> ! {
    limit_this_process();
    let mut input = BufReader::new(io::stdin().lock());
    let mut output = BufWriter::new(io::stdout().lock());
    loop {
        // The parent is trusted to send what it means; the memory limit bounds it anyway.
        let Ok((header, blobs)) = read_message(&mut input, MAX_TEMPLATE_MEMORY) else {
            std::process::exit(0);
        };
        let made = match serde_json::from_slice::<Request>(&header) {
            Ok(request) => execute(request, blobs),
            Err(e) => Err(ExportError::Typeset(format!(
                "a request not understood: {e}"
            ))),
        };
        let written = match made {
            Ok(bytes) => write_message(&mut output, &Answer::Made, &[&bytes]),
            Err(error) => write_message(&mut output, &Answer::Refused(error.into()), &[]),
        };
        if written.is_err() {
            std::process::exit(0);
        }
    }
}

/// Runs one request on a thread with a large stack, ending the process when it runs past the
/// budget (the parent kills it sooner; this is for a parent that is gone).
fn execute(request: Request, mut blobs: Vec<Vec<u8>>) -> Result<Vec<u8>, ExportError> {
    let (send, made) = mpsc::channel();
    let worker = std::thread::Builder::new()
        .name("template".into())
        .stack_size(64 * 1024 * 1024)
        .spawn(move || {
            let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| match request {
                Request::Page(job) => crate::html_render::render_page(&job).map(String::into_bytes),
                Request::Print {
                    main,
                    template,
                    today,
                    pictures,
                    fonts,
                } => {
                    let font_blobs = blobs.split_off(blobs.len().saturating_sub(fonts));
                    crate::typeset::typeset(PrintJob {
                        main,
                        template,
                        today,
                        pictures: pictures.into_iter().zip(blobs).collect(),
                        fonts: font_blobs,
                    })
                }
            }));
            let _ = send.send(result.unwrap_or_else(|panic| {
                let why = panic
                    .downcast_ref::<&str>()
                    .map(|s| (*s).to_owned())
                    .or_else(|| panic.downcast_ref::<String>().cloned())
                    .unwrap_or_default();
                Err(ExportError::Typeset(format!(
                    "the template engine failed: {why}"
                )))
            }));
        });
    if let Err(e) = worker {
        return Err(ExportError::Typeset(format!(
            "no thread for the template: {e}"
        )));
    }
    match made.recv_timeout(time_budget() + Duration::from_secs(5)) {
        Ok(result) => result,
        Err(_) => std::process::exit(3),
    }
}

/// Caps this process's data at [`MAX_TEMPLATE_MEMORY`] and turns off its core dumps (a child
/// that ran out of memory would otherwise leave one as large).
///
/// `RLIMIT_DATA` rather than `RLIMIT_AS`: since Linux 4.7 it counts every private writable
/// mapping — the heap, the large allocations malloc maps, thread stacks — which is what a
/// template can grow, and not the program's code, its shared libraries or the address space
/// glibc's per-thread arenas reserve without using (64 MiB each), which `RLIMIT_AS` would
/// count against the template.
fn limit_this_process() {
    #[cfg(unix)]
    {
        use nix::sys::resource::{Resource, setrlimit};
        let _ = setrlimit(
            Resource::RLIMIT_DATA,
            MAX_TEMPLATE_MEMORY,
            MAX_TEMPLATE_MEMORY,
        );
        let _ = setrlimit(Resource::RLIMIT_CORE, 0, 0);
        #[cfg(target_os = "linux")]
        let _ = nix::sys::prctl::set_dumpable(false);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_read_back_as_written() {
        let mut wire = Vec::new();
        write_message(&mut wire, &Answer::Made, &[b"%PDF-1.7", b""]).expect("written");
        let (header, blobs) = read_message(&mut wire.as_slice(), 1024).expect("read");
        assert!(matches!(serde_json::from_slice(&header), Ok(Answer::Made)));
        assert_eq!(blobs, [b"%PDF-1.7".to_vec(), Vec::new()]);
    }

    #[test]
    fn a_message_past_the_limit_is_refused_before_it_is_read() {
        let mut wire = Vec::new();
        write_message(&mut wire, &Answer::Made, &[&[0u8; 4096]]).expect("written");
        let err = read_message(&mut wire.as_slice(), 1024).expect_err("too large");
        assert_eq!(err.kind(), io::ErrorKind::InvalidData);
        // A length that claims far more than is there is refused too, without allocating it.
        let mut lying = Vec::new();
        lying.extend_from_slice(&u64::MAX.to_le_bytes());
        let err = read_message(&mut lying.as_slice(), 1024).expect_err("refused");
        assert_eq!(err.kind(), io::ErrorKind::InvalidData);
    }

    #[test]
    fn a_child_that_ran_out_of_memory_is_said_as_such() {
        let said = ended(None, "memory allocation of 4294967296 bytes failed\n");
        assert!(said.contains("MAX_TEMPLATE_MEMORY"), "{said}");
        let other = ended(None, "thread 'template' panicked\nsomething else\n");
        assert!(other.contains("something else"), "{other}");
    }
}
