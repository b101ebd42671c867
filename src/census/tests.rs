//! Unit tests of the parts: the tokenizer, dates, household ids and the order check's table,
//! the output's quoting, the households' order.

use super::csv::{CellFault, Csv, Stop};
use super::keys::{key_of, nfc, Fingerprint, Table};
use super::*;

/// (row, the fields' text, the record's fault).
fn records(pieces: &[&[u8]]) -> Vec<(u64, Vec<String>, Option<String>)> {
    read(pieces).0.into_iter().map(|r| (r.row, r.fields.into_iter().map(|f| f.text).collect(), r.fault.map(|f| f.1))).collect()
}

fn read(pieces: &[&[u8]]) -> (Vec<csv::Record>, Option<Stop>) {
    let mut csv = Csv::new();
    let mut out = Vec::new();
    for p in pieces {
        csv.feed(p, &mut out);
    }
    csv.finish(&mut out);
    (out, csv.stop)
}

fn fields(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

#[test]
fn csv_reads_quotes_line_ends_a_bom_and_blank_lines() {
    let text = "\u{feff}a,b\r\n\"x, y\",\"say \"\"hi\"\"\"\r\n\r\n\"two\nlines\",z\rlast, \"q\" \n";
    let want = vec![
        (1, fields(&["a", "b"]), None),
        (2, fields(&["x, y", "say \"hi\""]), None),
        (4, fields(&["two\nlines", "z"]), None),
        (5, fields(&["last", "q"]), None),
    ];
    assert_eq!(records(&[text.as_bytes()]), want);
    // Cut anywhere, even inside the BOM or a CRLF: the same records.
    let bytes = text.as_bytes();
    for cut in 0..=bytes.len() {
        assert_eq!(records(&[&bytes[..cut], &bytes[cut..]]), want, "cut at {cut}");
    }
    // No final line end; a lone BOM-like prefix that is not a BOM is a cell of bad bytes.
    assert_eq!(records(&[b"a,b"]), vec![(1, fields(&["a", "b"]), None)]);
    let (r, _) = read(&[b"\xef\xbbx"]);
    assert_eq!(r[0].fields[0].fault, Some(CellFault::NotUtf8));
}

#[test]
fn quoted_text_is_kept_as_written_and_unquoted_text_loses_its_blanks() {
    // Issue #21: a leading tab or CR inside quotes (a common defuse of a formula) was trimmed.
    let (r, _) = read(&[b"\"\t=1+1\",\"\r@SUM(A1)\",\" pad \", bare \t,\t\"q\" \n"]);
    let got: Vec<(&str, bool)> = r[0].fields.iter().map(|f| (f.text.as_str(), f.quoted)).collect();
    assert_eq!(got, [("\t=1+1", true), ("\r@SUM(A1)", true), (" pad ", true), ("bare", false), ("q", true)]);
}

#[test]
fn csv_names_what_it_cannot_read_cell_by_cell() {
    let r = records(&[b"a,\"b\"c,d\n"]);
    assert_eq!(r[0].1, fields(&["a", "bc", "d"]));
    assert!(r[0].2.as_deref().unwrap().starts_with("text after a closing quote"));
    let r = records(&[b"a,\"open\nstill\n"]);
    assert_eq!(r.len(), 1);
    assert!(r[0].2.as_deref().unwrap().starts_with("a quoted field is not closed"));
    // A Windows-1252 byte: that cell is not UTF-8; the others read, and the record has no fault.
    let (r, _) = read(&[b"Jos\xe9,x,\"\xff\"\n"]);
    let faults: Vec<Option<CellFault>> = r[0].fields.iter().map(|f| f.fault).collect();
    assert_eq!(faults, [Some(CellFault::NotUtf8), None, Some(CellFault::NotUtf8)]);
    assert_eq!(r[0].fault, None);
    let (r, _) = read(&[&[b'x'; 2000][..], b",y\n"]);
    assert_eq!(r[0].fields[0].fault, Some(CellFault::TooLong));
}

#[test]
fn csv_stops_at_a_nul_byte_and_at_a_record_with_no_end() {
    let (r, stop) = read(&[b"a,b\nc,\0d\ne,f\n"]);
    assert_eq!((r.len(), stop), (1, Some(Stop::Nul { row: 2 })));
    let endless = vec![b'x'; MAX_RECORD_BYTES + 10];
    let (r, stop) = read(&[b"a,b\n", &endless, b"\n"]);
    assert_eq!((r.len(), stop), (1, Some(Stop::RecordTooLong { row: 2, quoted: false })));
    let mut open = b"a,b\n\"".to_vec();
    open.extend(std::iter::repeat(b'\n').take(MAX_RECORD_BYTES + 1));
    assert_eq!(read(&[&open]).1, Some(Stop::RecordTooLong { row: 2, quoted: true }));
}

#[test]
fn dates_and_ages() {
    let d = |s| Date::parse(s);
    assert_eq!(d("1980-03-15"), Some(Date { year: 1980, month: 3, day: 15 }));
    assert_eq!(d("3/15/1980"), d("03/15/1980"));
    assert_eq!(d("2000-02-29").map(|x| x.to_string()), Some("2000-02-29".into()));
    for bad in ["1900-02-29", "2023-02-29", "1980-13-01", "1980-04-31", "80-01-01", "1/1/80", "1980/01/01", "", "x", "1980-1-1-1", "-1980-01-01"] {
        assert_eq!(d(bad), None, "{bad}");
    }
    let on = Date { year: 2022, month: 1, day: 1 };
    assert_eq!(d("1980-01-01").unwrap().age_on(on), Some(42));
    assert_eq!(d("1980-01-02").unwrap().age_on(on), Some(41));
    assert_eq!(d("2022-01-01").unwrap().age_on(on), Some(0));
    assert_eq!(d("2022-01-02").unwrap().age_on(on), None);
    // Born on February 29: a year older on March 1 of other years.
    let leap = d("2000-02-29").unwrap();
    assert_eq!(leap.age_on(Date { year: 2001, month: 2, day: 28 }), Some(0));
    assert_eq!(leap.age_on(Date { year: 2001, month: 3, day: 1 }), Some(1));
}

#[test]
fn household_ids_are_compared_in_nfc_and_unseen_characters_are_refused() {
    // "é" as one character and as "e" with a combining acute accent: one id.
    let composed = key_of("José").unwrap();
    let decomposed = key_of("Jose\u{301}").unwrap();
    assert_eq!(composed.compared(), decomposed.compared());
    assert_eq!(decomposed.text, "Jose\u{301}", "written back as its first row writes it");
    assert_eq!(nfc("Å"), "Å");
    assert_eq!(nfc("\u{212b}"), "\u{c5}", "the angstrom sign is Å");
    assert!(matches!(nfc("plain ASCII"), std::borrow::Cow::Borrowed(_)));
    assert_eq!(key_of("  H1 ").unwrap().text, "H1");
    // Issue #21: "H1" and "H1" + a no-break space became one household; zero-width and bidi
    // characters were kept.
    for (id, what) in [
        ("H1\u{a0}", "a space other than the plain space"),
        ("H\u{200b}1", "an invisible character"),
        ("\u{feff}H1", "an invisible character"),
        ("H1\u{202e}", "changes the direction"),
        ("\u{2066}H1\u{2069}", "changes the direction"),
        ("H\u{2007}1", "a space other than"),
        ("H\u{ad}1", "an invisible character"),
    ] {
        let (code, message) = key_of(id).unwrap_err();
        assert_eq!(code, crate::Code::InvalidText, "{id:?}");
        assert!(message.contains(what), "{id:?}: {message}");
    }
    for id in ["\t=cmd", "H\r1", "a\u{1b}[31m"] {
        assert!(key_of(id).unwrap_err().1.contains("control character"), "{id:?}");
    }
    assert_eq!(key_of("").unwrap_err().0, crate::Code::MissingField);
    assert!(key_of(&"x".repeat(65)).is_err());
    assert!(key_of(&"é".repeat(64)).is_ok());
}

#[test]
fn the_order_checks_table_remembers_every_key() {
    let f = Fingerprint::random();
    let mut seen = Table::<()>::default();
    for i in 0..50_000 {
        assert!(seen.insert(f.of(&format!("H{i}")), ()).is_none(), "H{i} new");
    }
    for i in (0..50_000).step_by(997) {
        assert!(seen.insert(f.of(&format!("H{i}")), ()).is_some(), "H{i} seen");
    }
    assert_eq!(seen.len(), 50_000);
    let mut rows = Table::<u64>::default();
    rows.insert(f.of("B1"), 11);
    assert_eq!((rows.insert(f.of("B1"), 30), rows.get(f.of("B1")), rows.get(f.of("B2"))), (Some(11), Some(11), None));
}

/// The order check's fingerprint before issue #21: FNV-1a (128 bits), folded and mixed, with no
/// key, so anyone could compute it and write ids that collide.
fn unkeyed(key: &str) -> u64 {
    let mut h: u128 = 0x6c62272e07bb014262b821756295c58d;
    for &b in key.as_bytes() {
        h ^= u128::from(b);
        h = h.wrapping_mul(0x0000000001000000000000000000013B);
    }
    let mut x = (h as u64) ^ ((h >> 64) as u64);
    x = (x ^ (x >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    (x ^ (x >> 31)).max(1)
}

#[test]
fn ids_crafted_to_collide_cost_no_more_than_plain_ones() {
    // Ids whose unkeyed fingerprints all land in the first 64 slots of the table (of 4,096 for
    // 3,000 ids), found by trying names: under linear probing they make one long run, and each
    // insert walks it (quadratic: 100,000 such ids took 5.6 s instead of 0.46 s).
    let n = 3_000;
    let crafted: Vec<String> = (0u64..).map(|i| format!("E{i}")).filter(|k| unkeyed(k) & 4095 < 64).take(n).collect();
    let probes = |fingerprint: &dyn Fn(&str) -> u64, ids: &[String]| {
        let mut t = Table::<()>::default();
        for k in ids {
            t.insert(fingerprint(k), ());
        }
        assert_eq!(t.len(), ids.len());
        t.probes
    };
    let plain: Vec<String> = (0..n).map(|i| format!("H{i}")).collect();
    assert!(probes(&unkeyed, &crafted) > 300 * n as u64, "the crafted ids collide under the unkeyed hash");
    // Keyed with a key of this run's: the crafted ids cost what plain ids cost (a few probes
    // each), whatever the key.
    for _ in 0..5 {
        let f = Fingerprint::random();
        let (c, p) = (probes(&|k| f.of(k), &crafted), probes(&|k| f.of(k), &plain));
        assert!(c < 10 * n as u64 && p < 10 * n as u64, "crafted {c}, plain {p} probes for {n} ids");
    }
    let fixed = Fingerprint::with_keys(1, 2);
    assert_eq!(fixed.of("H1"), Fingerprint::with_keys(1, 2).of("H1"));
    assert_ne!(fixed.of("H1"), Fingerprint::with_keys(1, 3).of("H1"));
}

#[test]
fn csv_fields_are_quoted_where_needed_and_never_open_as_formulas() {
    let mut out = String::new();
    for f in ["plain", "a,b", "say \"hi\"", " lead", "new\nline", "=HYPERLINK(\"http://x\",\"y\")", "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1", "=cmd|' /C calc'!A0", "a=b", "1-2"] {
        csv_field(f, &mut out);
        out.push('|');
    }
    assert_eq!(
        out,
        "plain|\"a,b\"|\"say \"\"hi\"\"\"|\" lead\"|\"new\nline\"|\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"|\"'+1+1\"|\"'-2+3\"|\"'@SUM(A1)\"|\"'\t=1\"|\"'\r=1\"|\"'=cmd|' /C calc'!A0\"|a=b|1-2|"
    );
}

#[test]
fn a_contribution_is_an_amount_or_a_percent() {
    use crate::scenario::Contribution;
    assert!(matches!(contribution("amount:500.00"), Ok(Contribution::Amount(a)) if a.to_cents_string() == "500.00"));
    assert!(matches!(contribution("percent:80"), Ok(Contribution::Percent(_))));
    for bad in ["500", "amount:", "amount:-5", "percent:101", "share:5", "amount:1.005"] {
        let e = contribution(bad).unwrap_err();
        assert_eq!(e.code(), crate::Code::InvalidContribution, "{bad}");
    }
}

#[test]
fn ids_sort_in_natural_order() {
    let mut ids = ["B10", "b2", "B1", "a", "B02", "B2x", "10", "9"];
    ids.sort_by(|a, b| group::natural(a, b));
    assert_eq!(ids, ["9", "10", "a", "B1", "b2", "B02", "B2x", "B10"]);
}

#[test]
fn a_file_larger_than_its_bound_is_refused_where_the_bound_is_passed() {
    let catalog = crate::Catalog::load_dir(&crate::Catalog::builtin_data_dir()).unwrap();
    let setup = reader::Setup::new(&catalog, &["kp-co-fehb-2022-high".to_string()], &Options::default()).unwrap();
    let mut rows = source::Rows::with_limit(100);
    let mut out = Vec::new();
    rows.feed(b"household,age,relationship,usage\nH1,40,subscriber,low\n", &setup, &mut out).unwrap();
    assert_eq!(out.len(), 1);
    let e = rows.feed(&[b'\n'; 60], &setup, &mut out).unwrap_err();
    assert_eq!(e.code(), crate::Code::InputTooLarge);
    assert!(e.message().contains("larger than 100 bytes"), "{e}");
    assert_eq!(MAX_FILE_BYTES, 1_000_000_000);
}
