//! Parsing memory stays within a small multiple of the input (issue #15: a 4 MiB array once
//! took 135 MB, 32×). A counting allocator records the peak bytes in use while the strict
//! reader reads near-limit inputs: 10,000 claims, and 4 MiB lists and fields it must refuse. (Its own test binary: the allocator is global.)

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

use costshare::json::MAX_INPUT_BYTES;
use costshare::Scenario;

struct Counting;

static IN_USE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            let now = IN_USE.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
            PEAK.fetch_max(now, Ordering::Relaxed);
        }
        p
    }
    unsafe fn dealloc(&self, p: *mut u8, layout: Layout) {
        unsafe { System.dealloc(p, layout) };
        IN_USE.fetch_sub(layout.size(), Ordering::Relaxed);
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// Tests share the counters: one at a time.
static ONE_AT_A_TIME: Mutex<()> = Mutex::new(());

/// The peak bytes allocated while `f` runs, above what was in use before it.
fn peak_during<T>(f: impl FnOnce() -> T) -> (T, usize) {
    let before = IN_USE.load(Ordering::Relaxed);
    PEAK.store(before, Ordering::Relaxed);
    let out = f();
    (out, PEAK.load(Ordering::Relaxed) - before)
}

/// At most this many bytes of working memory per byte of input (the input itself not counted).
const MULTIPLE: usize = 8;

/// Holds the counters for one test, its input's making included (tests run on parallel threads,
/// and another test's 4 MiB input would count against this one's peak).
fn one_at_a_time() -> std::sync::MutexGuard<'static, ()> {
    ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner())
}

fn check(name: &str, text: &str, accepted: bool) {
    assert!(text.len() <= MAX_INPUT_BYTES, "{name}: test input too large ({} bytes)", text.len());
    let (result, peak) = peak_during(|| Scenario::from_json(text));
    assert_eq!(result.is_ok(), accepted, "{name}: {:?}", result.as_ref().err());
    drop(result);
    let ratio = peak as f64 / text.len() as f64;
    eprintln!("{name}: {} bytes in, peak {peak} bytes ({ratio:.2}×)", text.len());
    assert!(peak <= MULTIPLE * text.len(), "{name}: peak {peak} bytes for {} bytes of input ({ratio:.1}×, limit {MULTIPLE}×)", text.len());
}

const MEMBER: &str = r#"{ "id": "you", "age": 45 }"#;

#[test]
fn a_large_unknown_field_is_refused_without_building_it() {
    let _one = one_at_a_time();
    // A 4 MiB array of small arrays in a field a scenario does not have.
    let filler = vec!["[1,2]"; (MAX_INPUT_BYTES - 200) / 6].join(",");
    let text = format!(r#"{{ "plan": "p", "note": [{filler}], "members": [{MEMBER}] }}"#);
    check("an unknown field of 4 MiB", &text, false);
}

#[test]
fn a_large_array_of_numbers_where_claims_belong_is_refused_early() {
    let _one = one_at_a_time();
    let filler = vec!["1"; (MAX_INPUT_BYTES - 200) / 2].join(",");
    let text = format!(r#"{{ "plan": "p", "members": [{MEMBER}], "services": [{filler}] }}"#);
    check("4 MiB of numbers as claims", &text, false);
}

#[test]
fn ten_thousand_claims_are_read_within_a_small_multiple() {
    let _one = one_at_a_time();
    let claim = r#"{ "member": "you", "service": "primary_care_visit", "count": 1, "allowed": "120.00" }"#;
    let text = format!(r#"{{ "plan": "p", "members": [{MEMBER}], "services": [{}] }}"#, vec![claim; 10_000].join(","));
    check("10,000 claims", &text, true);
}

#[test]
fn a_list_past_the_limit_is_refused_early() {
    let _one = one_at_a_time();
    let filler = vec!["{}"; (MAX_INPUT_BYTES - 200) / 3].join(",");
    let text = format!(r#"{{ "plan": "p", "members": [{filler}] }}"#);
    check("a 4 MiB list of members", &text, false);
}
