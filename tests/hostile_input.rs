//! The hostile inputs of issue #15, through the real `costshare` binary and the library: each
//! finding there is a test here (or in tests/wasm.test.mjs for the `.wasm`, and
//! tests/url-state.test.mjs for a shared link).
//! - the CLI reads at most the limit + 1 bytes: an endless stream and a 2 GiB file are refused
//!   at once, under a memory limit far below their size;
//! - an echoed value is shortened and its control characters escaped;
//! - money takes ASCII digits only; billed below allowed is refused.

use std::io::Write;
use std::process::{Command, Stdio};

const SCENARIO: &str = r#"{
  "plan": "kp-plus-example-co-2022-standard",
  "members": [ { "id": "you", "age": 45 } ],
  "services": [ { "member": "you", "service": "specialist_visit", "network": "out_of_network", "allowed": "150.00", "billed": "180.00" } ]
}"#;

struct Run {
    code: i32,
    stdout: String,
    stderr: Vec<u8>,
}

/// Runs `sh -c script` with the binary as $COSTSHARE, the input on stdin.
fn shell(script: &str, stdin: &[u8]) -> Run {
    let mut child = Command::new("sh")
        .arg("-c")
        .arg(script)
        .env("COSTSHARE", env!("CARGO_BIN_EXE_costshare"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    // The child may refuse before reading it all; a broken pipe is its answer, not ours.
    let _ = input.write_all(stdin);
    drop(input);
    let out = child.wait_with_output().unwrap();
    Run { code: out.status.code().unwrap_or(-1), stdout: String::from_utf8_lossy(&out.stdout).into_owned(), stderr: out.stderr }
}

fn estimate(scenario: &str) -> Run {
    shell(r#""$COSTSHARE" estimate -"#, scenario.as_bytes())
}

/// 256 MB of address space: far less than the inputs below, enough for the binary itself.
const MEMORY_LIMIT_KB: u32 = 262_144;

#[test]
fn an_endless_stream_is_refused_in_bounded_memory() {
    let r = shell(&format!(r#"ulimit -v {MEMORY_LIMIT_KB}; exec "$COSTSHARE" estimate /dev/zero"#), b"");
    let stderr = String::from_utf8_lossy(&r.stderr);
    assert_eq!(r.code, 2, "{stderr}");
    assert!(stderr.contains("input_too_large") || stderr.contains("larger than"), "{stderr}");
}

#[test]
fn a_two_gigabyte_file_is_refused_without_reading_it() {
    let dir = std::env::temp_dir().join(format!("costshare-hostile-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let big = dir.join("big.json");
    // A sparse file: 2 GiB long, no disk used.
    std::fs::File::create(&big).unwrap().set_len(2 << 30).unwrap();
    let r = shell(&format!(r#"ulimit -v {MEMORY_LIMIT_KB}; exec "$COSTSHARE" estimate "{}""#, big.display()), b"");
    let stderr = String::from_utf8_lossy(&r.stderr).into_owned();
    std::fs::remove_dir_all(&dir).ok();
    assert_eq!(r.code, 2, "{stderr}");
    assert!(stderr.contains("larger than"), "{stderr}");
    // Standard input too.
    let piped = shell(&format!(r#"ulimit -v {MEMORY_LIMIT_KB}; head -c 100000000 /dev/zero | "$COSTSHARE" estimate -"#), b"");
    assert_eq!(piped.code, 2, "{}", String::from_utf8_lossy(&piped.stderr));
}

#[test]
fn an_echoed_value_is_shortened_with_its_control_characters_escaped() {
    // A 4 MB plan id with ESC and BEL in it: the message names it, briefly, and the terminal
    // receives no control character.
    let id = format!("\u{1b}[2J\u{7}{}", "x".repeat(4_000_000 - 100));
    let scenario = SCENARIO.replace("kp-plus-example-co-2022-standard", &id.replace('\u{1b}', "\\u001b").replace('\u{7}', "\\u0007"));
    let r = estimate(&scenario);
    assert_eq!(r.code, 2);
    assert!(r.stderr.len() < 1_000, "stderr is {} bytes", r.stderr.len());
    assert!(!r.stderr.iter().any(|&b| b < 0x20 && b != b'\n'), "a control character reached stderr: {:?}", String::from_utf8_lossy(&r.stderr));
    let text = String::from_utf8_lossy(&r.stderr);
    assert!(text.contains("plan") && text.contains("\\u{1b}[2J\\u{7}xxx"), "{text}");
}

#[test]
fn money_takes_ascii_digits_only() {
    for bad in ["\u{3000}150.00\u{a0}", "１５０.00", "150.00\u{2003}", "\u{200b}150.00", "150\u{66b}00"] {
        let scenario = SCENARIO.replace("\"allowed\": \"150.00\"", &format!("\"allowed\": \"{bad}\""));
        assert_ne!(scenario, SCENARIO);
        let r = estimate(&scenario);
        let stderr = String::from_utf8_lossy(&r.stderr);
        assert_eq!(r.code, 2, "{bad:?} was accepted: {}", r.stdout);
        assert!(stderr.contains("services[0].allowed"), "{bad:?}: {stderr}");
    }
}

#[test]
fn billed_below_allowed_is_refused_naming_the_field() {
    let r = estimate(SCENARIO);
    assert_eq!(r.code, 0, "{}", String::from_utf8_lossy(&r.stderr));
    let r = estimate(&SCENARIO.replace("\"billed\": \"180.00\"", "\"billed\": \"100.00\""));
    let stderr = String::from_utf8_lossy(&r.stderr);
    assert_eq!(r.code, 2);
    assert!(stderr.contains("services[0].billed") && stderr.contains("below the allowed amount"), "{stderr}");
}
