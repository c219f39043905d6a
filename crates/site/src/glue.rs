//! The wasm and its wasm-bindgen glue as served (native, `ssr` feature): the
//! prerender step makes both smaller after Trunk has built them.
//!
//! - The names they share are shortened: wasm-bindgen names each import
//!   after its function and a 16-digit hash (`__wbg_addEventListener_
//!   f2d27251d333a631`), and each export after its Rust item, and both files
//!   carry every name; brotli cannot squeeze hashes. Each import and export
//!   gets a name of one or two letters, in the wasm's import and export
//!   sections and where the glue names it: the keys of its import object,
//!   its module's name, and `wasm.<export>`. About 3 KB brotli of the two.
//! - The glue's comments and indentation go, as the boot module's do
//!   ([`crate::page::strip_js`]): lines stay lines.
//!
//! Anything in the glue not in the shape wasm-bindgen writes (a name found
//! elsewhere, or not found where it should be; a string over several lines)
//! is an error: the build stops rather than ship a glue that no longer fits
//! its wasm.

use crate::page::strip_js;

/// The wasm and the glue with shortened names, the glue stripped.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Shrunk {
    pub wasm: Vec<u8>,
    pub glue: String,
}

/// `wasm` and its `glue` (wasm-bindgen's `--target web` output) with the
/// names they share shortened and the glue's comments dropped.
pub fn shrink(wasm: &[u8], glue: &str) -> Result<Shrunk, String> {
    let module = Module::parse(wasm)?;
    let imports = module.imports()?;
    let exports = module.exports()?;

    // Every name either file may already hold is kept out of the short ones.
    let taken: Vec<&str> = imports
        .iter()
        .flat_map(|i| [i.module.as_str(), i.field.as_str()])
        .chain(exports.iter().map(|e| e.name.as_str()))
        .collect();
    let mut short_names = ShortNames::new(&taken);
    let mut renamed_modules: Vec<(String, String)> = Vec::new();
    for import in &imports {
        if !renamed_modules
            .iter()
            .any(|(from, _)| *from == import.module)
        {
            renamed_modules.push((import.module.clone(), short_names.next()));
        }
    }
    let mut renamed_imports: Vec<(String, String)> = Vec::new();
    for import in &imports {
        if !renamed_imports
            .iter()
            .any(|(from, _)| *from == import.field)
        {
            renamed_imports.push((import.field.clone(), short_names.next()));
        }
    }
    let renamed_exports: Vec<(String, String)> = exports
        .iter()
        .map(|e| (e.name.clone(), short_names.next()))
        .collect();
    let lookup = |renames: &[(String, String)], name: &str| -> String {
        renames
            .iter()
            .find(|(from, _)| from == name)
            .map(|(_, to)| to.clone())
            .unwrap_or_else(|| name.to_string())
    };

    let mut glue = strip_comments(glue)?;
    for (from, to) in &renamed_modules {
        glue = replace_once(&glue, &format!("\"{from}\":"), &format!("\"{to}\":"))?;
    }
    for (from, to) in &renamed_imports {
        glue = rename_key(&glue, from, to)?;
    }
    for (from, to) in &renamed_exports {
        glue = rename_export(&glue, from, to)?;
    }

    let wasm = module.with_names(
        |module, field| {
            (
                lookup(&renamed_modules, module),
                lookup(&renamed_imports, field),
            )
        },
        |name| lookup(&renamed_exports, name),
    )?;
    Ok(Shrunk { wasm, glue })
}

/// Short names, in order: `a` … `Z`, then `aa`, `ba` … (bijective base 52);
/// never a name already taken, never a JavaScript keyword.
struct ShortNames<'a> {
    next: usize,
    taken: &'a [&'a str],
}

const LETTERS: &[u8] = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

impl<'a> ShortNames<'a> {
    fn new(taken: &'a [&'a str]) -> Self {
        ShortNames { next: 0, taken }
    }

    fn next(&mut self) -> String {
        loop {
            let mut n = self.next;
            self.next += 1;
            let mut name = String::new();
            loop {
                name.push(char::from(LETTERS[n % LETTERS.len()]));
                n /= LETTERS.len();
                if n == 0 {
                    break;
                }
                n -= 1;
            }
            if !self.taken.contains(&name.as_str()) && !["do", "if", "in"].contains(&name.as_str())
            {
                return name;
            }
        }
    }
}

/// The glue without its comment lines (`//` and `/* … */` standing on lines
/// of their own, as wasm-bindgen writes them) and indentation.
fn strip_comments(glue: &str) -> Result<String, String> {
    let mut kept = Vec::new();
    let mut in_comment = false;
    for line in glue.lines() {
        let trimmed = line.trim();
        if in_comment {
            if trimmed.contains("*/") {
                if !trimmed.ends_with("*/") {
                    return Err(format!("glue: code after a comment: {trimmed}"));
                }
                in_comment = false;
            }
            continue;
        }
        if let Some(comment) = trimmed.strip_prefix("/*") {
            match comment.find("*/") {
                None => in_comment = true,
                Some(end) if end + 2 == comment.len() => {}
                Some(_) => return Err(format!("glue: code after a comment: {trimmed}")),
            }
            continue;
        }
        // Indentation may only go where no string spans lines.
        if trimmed.matches('`').count() % 2 == 1 || trimmed.ends_with('\\') {
            return Err(format!("glue: a string over several lines: {trimmed}"));
        }
        kept.push(trimmed);
    }
    if in_comment {
        return Err("glue: a comment without its end".to_string());
    }
    Ok(strip_js(&kept.join("\n")))
}

fn replace_once(text: &str, from: &str, to: &str) -> Result<String, String> {
    match text.matches(from).count() {
        1 => Ok(text.replacen(from, to, 1)),
        n => Err(format!("glue: {from} found {n} times, not once")),
    }
}

fn is_identifier_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_' || c == '$'
}

/// Renames the import object's key `from:`, which starts a line (the
/// glue's indentation stripped), and must be there once.
fn rename_key(glue: &str, from: &str, to: &str) -> Result<String, String> {
    let key = format!("\n{from}:");
    replace_once(glue, &key, &format!("\n{to}:"))
}

/// Renames the export `from` where the glue reads it, `wasm.<from>`. Any
/// other use of the name must be a function of the glue's own (wasm-bindgen
/// names a closure's JavaScript shim after its export): a name found
/// anywhere else would be a use this step does not know of.
fn rename_export(glue: &str, from: &str, to: &str) -> Result<String, String> {
    let member = format!("wasm.{from}");
    let mut out = String::with_capacity(glue.len());
    let mut rest = glue;
    while let Some(at) = rest.find(&member) {
        let after = &rest[at + member.len()..];
        if after.starts_with(is_identifier_char) {
            // A longer name that starts with this one.
            out.push_str(&rest[..at + member.len()]);
        } else {
            out.push_str(&rest[..at]);
            out.push_str("wasm.");
            out.push_str(to);
        }
        rest = after;
    }
    out.push_str(rest);
    let local_function = out.contains(&format!("function {from}("));
    let mut search = out.as_str();
    while let Some(at) = search.find(from) {
        let before = search[..at].chars().next_back();
        let after = search[at + from.len()..].chars().next();
        let whole =
            !before.is_some_and(is_identifier_char) && !after.is_some_and(is_identifier_char);
        if whole && !local_function {
            return Err(format!(
                "glue: the export {from} is used other than as wasm.{from}"
            ));
        }
        search = &search[at + from.len()..];
    }
    Ok(out)
}

/// The contents of the custom section `name` of `wasm`, if it has one.
pub fn custom_section<'a>(wasm: &'a [u8], name: &str) -> Result<Option<&'a [u8]>, String> {
    let module = Module::parse(wasm)?;
    for &(id, _, contents, end) in &module.sections {
        if id != CUSTOM_SECTION {
            continue;
        }
        let mut reader = Reader {
            bytes: &wasm[..end],
            at: contents,
        };
        if reader.name()? == name {
            return Ok(Some(&wasm[reader.at..end]));
        }
    }
    Ok(None)
}

/// A wasm module's sections, as bytes.
struct Module<'a> {
    bytes: &'a [u8],
    /// (section id, start of the section's id byte, start of its contents,
    /// end).
    sections: Vec<(u8, usize, usize, usize)>,
}

struct Import {
    module: String,
    field: String,
    /// The import's description, as bytes (kind and type).
    description: Vec<u8>,
}

struct Export {
    name: String,
    /// The export's kind and index, as bytes.
    description: Vec<u8>,
}

const CUSTOM_SECTION: u8 = 0;
const IMPORT_SECTION: u8 = 2;
const EXPORT_SECTION: u8 = 7;

/// Reads a wasm module's bytes.
struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn byte(&mut self) -> Result<u8, String> {
        let byte = *self.bytes.get(self.at).ok_or("wasm: ends too early")?;
        self.at += 1;
        Ok(byte)
    }

    /// An unsigned LEB128 number (u32 or u64).
    fn number(&mut self) -> Result<u64, String> {
        let mut value = 0u64;
        for shift in (0..64).step_by(7) {
            let byte = self.byte()?;
            value |= u64::from(byte & 0x7f) << shift;
            if byte & 0x80 == 0 {
                return Ok(value);
            }
        }
        Err("wasm: a number too long".to_string())
    }

    fn length(&mut self) -> Result<usize, String> {
        usize::try_from(self.number()?).map_err(|_| "wasm: a length too large".to_string())
    }

    fn name(&mut self) -> Result<String, String> {
        let length = self.length()?;
        let end = self.at.checked_add(length).ok_or("wasm: a name too long")?;
        let bytes = self.bytes.get(self.at..end).ok_or("wasm: ends in a name")?;
        self.at = end;
        String::from_utf8(bytes.to_vec()).map_err(|_| "wasm: a name not UTF-8".to_string())
    }

    /// The bytes read since `start`.
    fn since(&self, start: usize) -> Vec<u8> {
        self.bytes[start..self.at].to_vec()
    }

    /// A table or memory's limits.
    fn limits(&mut self) -> Result<(), String> {
        let flags = self.byte()?;
        self.number()?;
        if flags & 1 == 1 {
            self.number()?;
        }
        Ok(())
    }
}

fn write_number(out: &mut Vec<u8>, mut value: u64) {
    loop {
        let byte = (value & 0x7f) as u8;
        value >>= 7;
        if value == 0 {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}

fn write_name(out: &mut Vec<u8>, name: &str) {
    write_number(out, name.len() as u64);
    out.extend_from_slice(name.as_bytes());
}

impl<'a> Module<'a> {
    fn parse(bytes: &'a [u8]) -> Result<Self, String> {
        if bytes.get(..8) != Some(b"\0asm\x01\0\0\0".as_slice()) {
            return Err("wasm: not a wasm module (version 1)".to_string());
        }
        let mut reader = Reader { bytes, at: 8 };
        let mut sections = Vec::new();
        while reader.at < bytes.len() {
            let start = reader.at;
            let id = reader.byte()?;
            let size = reader.length()?;
            let contents = reader.at;
            let end = contents.checked_add(size).filter(|&end| end <= bytes.len());
            let end = end.ok_or("wasm: a section past the end")?;
            sections.push((id, start, contents, end));
            reader.at = end;
        }
        Ok(Module { bytes, sections })
    }

    fn section(&self, id: u8) -> Option<Reader<'a>> {
        self.sections
            .iter()
            .find(|(section, ..)| *section == id)
            .map(|&(_, _, contents, end)| Reader {
                bytes: &self.bytes[..end],
                at: contents,
            })
    }

    fn imports(&self) -> Result<Vec<Import>, String> {
        let Some(mut reader) = self.section(IMPORT_SECTION) else {
            return Ok(Vec::new());
        };
        let count = reader.length()?;
        let mut imports = Vec::new();
        for _ in 0..count {
            let module = reader.name()?;
            let field = reader.name()?;
            let start = reader.at;
            match reader.byte()? {
                // A function or a tag: a type index (a tag after an attribute byte).
                0x00 => {
                    reader.number()?;
                }
                0x04 => {
                    reader.byte()?;
                    reader.number()?;
                }
                // A table: its element type and limits.
                0x01 => {
                    reader.byte()?;
                    reader.limits()?;
                }
                0x02 => reader.limits()?,
                // A global: its value type and mutability.
                0x03 => {
                    reader.byte()?;
                    reader.byte()?;
                }
                kind => return Err(format!("wasm: an import of kind {kind}")),
            }
            imports.push(Import {
                module,
                field,
                description: reader.since(start),
            });
        }
        Ok(imports)
    }

    fn exports(&self) -> Result<Vec<Export>, String> {
        let Some(mut reader) = self.section(EXPORT_SECTION) else {
            return Ok(Vec::new());
        };
        let count = reader.length()?;
        let mut exports = Vec::new();
        for _ in 0..count {
            let name = reader.name()?;
            let start = reader.at;
            reader.byte()?;
            reader.number()?;
            exports.push(Export {
                name,
                description: reader.since(start),
            });
        }
        Ok(exports)
    }

    /// The module with its imports and exports renamed.
    fn with_names(
        &self,
        import: impl Fn(&str, &str) -> (String, String),
        export: impl Fn(&str) -> String,
    ) -> Result<Vec<u8>, String> {
        let mut imports = Vec::new();
        let list = self.imports()?;
        write_number(&mut imports, list.len() as u64);
        for i in &list {
            let (module, field) = import(&i.module, &i.field);
            write_name(&mut imports, &module);
            write_name(&mut imports, &field);
            imports.extend_from_slice(&i.description);
        }
        let mut exports = Vec::new();
        let list = self.exports()?;
        write_number(&mut exports, list.len() as u64);
        for e in &list {
            write_name(&mut exports, &export(&e.name));
            exports.extend_from_slice(&e.description);
        }
        let mut out = self.bytes[..8].to_vec();
        for &(id, start, _, end) in &self.sections {
            let contents = match id {
                IMPORT_SECTION => &imports,
                EXPORT_SECTION => &exports,
                _ => {
                    out.extend_from_slice(&self.bytes[start..end]);
                    continue;
                }
            };
            out.push(id);
            write_number(&mut out, contents.len() as u64);
            out.extend_from_slice(contents);
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A module importing two functions from "./m_bg.js" and exporting a
    /// function, a memory and a table: the sections as wasm-bindgen's output
    /// has them, without code.
    fn module(imports: &[(&str, &str)], exports: &[(&str, u8)]) -> Vec<u8> {
        let mut out = b"\0asm\x01\0\0\0".to_vec();
        // Type section: one type, () -> ().
        out.extend_from_slice(&[1, 4, 1, 0x60, 0, 0]);
        let mut section = Vec::new();
        write_number(&mut section, imports.len() as u64);
        for (module, field) in imports {
            write_name(&mut section, module);
            write_name(&mut section, field);
            section.extend_from_slice(&[0, 0]);
        }
        out.push(IMPORT_SECTION);
        write_number(&mut out, section.len() as u64);
        out.extend_from_slice(&section);
        let mut section = Vec::new();
        write_number(&mut section, exports.len() as u64);
        for (name, kind) in exports {
            write_name(&mut section, name);
            section.extend_from_slice(&[*kind, 0]);
        }
        out.push(EXPORT_SECTION);
        write_number(&mut out, section.len() as u64);
        out.extend_from_slice(&section);
        // A custom section after them, kept as it is.
        out.extend_from_slice(&[0, 3, 1, b'x', 7]);
        out
    }

    const GLUE: &str = r#"/**
 * Starts it.
 * @returns {boolean}
 */
export function mount(element) {
    const ret = wasm.mount(element, wasm.__wbindgen_malloc);
    return ret !== 0;
}
function __wbg_get_imports() {
    const import0 = {
        __proto__: null,
        __wbg_addEventListener_f2d27251d333a631: function(arg0) {
            // Cast intrinsic for `Ref(String) -> Externref`.
            arg0.addEventListener(`${arg0}`);
        },
        __wbg_add_cf82c8d153d93ae1: function(arg0) {
            arg0.add(wasm.memory, closure__invoke__h1);
        },
    };
    return {
        __proto__: null,
        "./m_bg.js": import0,
    };
}
function closure__invoke__h1(arg0) {
    wasm.closure__invoke__h1(arg0);
}
"#;

    fn shrunk() -> Shrunk {
        let wasm = module(
            &[
                ("./m_bg.js", "__wbg_addEventListener_f2d27251d333a631"),
                ("./m_bg.js", "__wbg_add_cf82c8d153d93ae1"),
            ],
            &[
                ("mount", 0),
                ("__wbindgen_malloc", 0),
                ("memory", 2),
                ("closure__invoke__h1", 0),
            ],
        );
        shrink(&wasm, GLUE).unwrap()
    }

    #[test]
    fn shared_names_are_shortened_in_both_files_alike() {
        let shrunk = shrunk();
        assert_eq!(
            shrunk.wasm,
            module(
                &[("a", "b"), ("a", "c")],
                &[("d", 0), ("e", 0), ("f", 2), ("g", 0)]
            )
        );
        assert_eq!(
            shrunk.glue,
            "export function mount(element) {\n\
             const ret = wasm.d(element, wasm.e);\n\
             return ret !== 0;\n\
             }\n\
             function __wbg_get_imports() {\n\
             const import0 = {\n\
             __proto__: null,\n\
             b: function(arg0) {\n\
             arg0.addEventListener(`${arg0}`);\n\
             },\n\
             c: function(arg0) {\n\
             arg0.add(wasm.f, closure__invoke__h1);\n\
             },\n\
             };\n\
             return {\n\
             __proto__: null,\n\
             \"a\": import0,\n\
             };\n\
             }\n\
             function closure__invoke__h1(arg0) {\n\
             wasm.g(arg0);\n\
             }\n"
        );
    }

    #[test]
    fn a_glue_that_does_not_fit_its_wasm_is_refused() {
        let wasm = module(&[("./m_bg.js", "__wbg_x_1")], &[("memory", 2)]);
        // The import is not a key of the import object.
        let error = shrink(&wasm, "const i = { y: 1 };\nreturn { \"./m_bg.js\": i };").unwrap_err();
        assert!(error.contains("__wbg_x_1"), "{error}");
        // The export is read some other way than wasm.memory.
        let glue =
            "const i = {\n__wbg_x_1: 1,\n};\nreturn { \"./m_bg.js\": i };\nexports[\"memory\"];";
        let error = shrink(&wasm, glue).unwrap_err();
        assert!(error.contains("memory"), "{error}");
        // A string over several lines cannot lose its indentation.
        let glue = "const i = {\n__wbg_x_1: `a\n  b`,\n};\nreturn { \"./m_bg.js\": i };";
        let error = shrink(&wasm, glue).unwrap_err();
        assert!(error.contains("several lines"), "{error}");
        assert!(shrink(b"not wasm", GLUE).is_err());
    }

    #[test]
    fn short_names_skip_taken_ones_and_keywords() {
        let taken = ["a", "c"];
        let mut names = ShortNames::new(&taken);
        let first: Vec<String> = (0..3).map(|_| names.next()).collect();
        assert_eq!(first, ["b", "d", "e"]);
        let mut names = ShortNames::new(&[]);
        let all: Vec<String> = (0..6000).map(|_| names.next()).collect();
        assert_eq!(all[52], "aa");
        assert_eq!(all[53], "ba");
        assert!(!all.iter().any(|n| n == "do" || n == "if" || n == "in"));
        let mut unique = all.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), all.len());
    }
}
