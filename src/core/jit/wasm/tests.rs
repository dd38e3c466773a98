//! The encoding, byte for byte.
use super::*;

#[test]
fn leb128_by_hand() {
    let enc = |f: fn(&mut Vec<u8>, i64), v| {
        let mut out = Vec::new();
        f(&mut out, v);
        out
    };
    let u = |out: &mut Vec<u8>, v: i64| uleb(out, v as u32);
    let s = |out: &mut Vec<u8>, v: i64| sleb(out, v as i32);
    assert_eq!(enc(u, 0), [0]);
    assert_eq!(enc(u, 127), [0x7f]);
    assert_eq!(enc(u, 128), [0x80, 0x01]);
    assert_eq!(enc(u, 624_485), [0xe5, 0x8e, 0x26]);
    assert_eq!(enc(s, -1), [0x7f]);
    assert_eq!(enc(s, 63), [0x3f]);
    assert_eq!(enc(s, 64), [0xc0, 0x00]);
    assert_eq!(enc(s, -64), [0x40]);
    assert_eq!(enc(s, -65), [0xbf, 0x7f]);
    assert_eq!(enc(s, -123_456), [0xc0, 0xbb, 0x78]);
}

/// A small module, byte for byte: one i32 parameter, two i32 locals and a v128 one, and a
/// body that loads a block into the v128 local.
#[test]
fn a_module_byte_for_byte() {
    let mut f = Function {
        params: 1,
        ..Function::default()
    };
    assert_eq!(f.local(Type::I32), 1);
    assert_eq!(f.local(Type::I32), 2);
    assert_eq!(f.local(Type::V128), 3);
    f.ops([Op::LocalGet(2), Op::V128Load(16), Op::LocalSet(3)]);
    let bytes = module(&f);
    let want: Vec<u8> = [
        &b"\0asm\x01\0\0\0"[..],
        &[1, 5, 1, 0x60, 1, 0x7f, 0],
        &[2, 15, 1, 3, b'e', b'n', b'v', 6],
        b"memory",
        &[2, 0, 0],
        &[3, 2, 1, 0],
        &[7, 10, 1, 6],
        b"kernel",
        &[0, 0],
        &[10, 16, 1, 14, 2, 2, 0x7f, 1, 0x7b],
        &[0x20, 2, 0xfd, 0, 4, 16, 0x21, 3, 0x0b],
    ]
    .concat();
    assert_eq!(bytes, want);
}
