//! The crate's modules depend on each other without a circle (issue #19: `vocab` → `catalog`
//! through `Vocabulary::builtin`, and `engine::premium` → `compare` through
//! `suggest_enrollment`, were the last two): a reader can learn them one after another, each
//! needing only those before it. A module's dependencies are the `crate::<module>` paths its
//! files name outside their unit tests (`src/<module>.rs`, and `src/<module>/` for those with
//! parts); `lib.rs` (the
//! re-exports) and `wasm.rs` (the binding, which needs everything and is needed by nothing)
//! stand outside.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

fn sources(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|x| x == "rs") {
            out.push(path);
        }
    }
}

/// Each module and the modules it names.
fn graph() -> BTreeMap<String, BTreeSet<String>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    sources(&src, &mut files);
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for file in files {
        let rel = file.strip_prefix(&src).unwrap();
        let module = rel.iter().next().unwrap().to_string_lossy().trim_end_matches(".rs").to_string();
        if ["lib", "wasm", "bin"].contains(&module.as_str()) {
            continue;
        }
        // Code outside the unit tests (which may use anything).
        let whole = std::fs::read_to_string(&file).unwrap();
        let text = whole.split("#[cfg(test)]").next().unwrap_or_default();
        let names = graph.entry(module.clone()).or_default();
        for part in text.split("crate::").skip(1) {
            let name: String = part.chars().take_while(|c| c.is_ascii_lowercase() || *c == '_').collect();
            if !name.is_empty() && name != module {
                names.insert(name);
            }
        }
    }
    graph
}

#[test]
fn the_modules_depend_on_each_other_without_a_circle() {
    let graph = graph();
    assert!(graph.contains_key("engine") && graph.contains_key("compare") && graph.contains_key("vocab"), "{graph:?}");
    // Depth-first, with the path walked so far: a module met again on its own path is a circle.
    fn visit<'g>(m: &'g str, graph: &'g BTreeMap<String, BTreeSet<String>>, path: &mut Vec<&'g str>, done: &mut BTreeSet<&'g str>) -> Result<(), String> {
        if let Some(i) = path.iter().position(|p| *p == m) {
            return Err(format!("{} -> {m}", path[i..].join(" -> ")));
        }
        if !done.insert(m) {
            return Ok(());
        }
        path.push(m);
        for next in graph.get(m).into_iter().flatten() {
            visit(next, graph, path, done)?;
        }
        path.pop();
        Ok(())
    }
    let mut done = BTreeSet::new();
    for m in graph.keys() {
        let mut path = Vec::new();
        if let Err(circle) = visit(m, &graph, &mut path, &mut done) {
            panic!("an import circle: {circle}");
        }
    }
}
