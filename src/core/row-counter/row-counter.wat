;; Quote-aware CSV record counter, 64 bytes per step with WebAssembly SIMD.
;;
;; The caller copies up to WINDOW bytes to offset 0 of memory and calls
;; count(length, quoted, content); only whole 64-byte blocks are read, the caller
;; counts the rest. The rule is csv-records.ts's: a record ends at a line feed
;; outside quotes (a CR before it belongs to the line end, a bare CR is data), and
;; a record whose bytes are all CR is a blank line, not counted.
;;
;; Per block, bit i of a 64-bit mask stands for byte i:
;;   q      quotes, lf line feeds, cr carriage returns (from i8x16.eq + bitmask)
;;   inside prefix-XOR of q, XOR the quote state carried in: bytes inside quotes
;;   sep    lf & ~inside: the line feeds that end a record
;;   other  neither LF nor CR: what gives a record content
;; A separator ends an empty record when the bytes since the separator before it
;; (or since the block start, when no content was carried in) are all CR. Starting
;; one bit above each separator, an addition carries through the CR run above it
;; and lands on the first byte that is not CR; a separator landed on is empty.
(module
  (memory (export "memory") 17)
  ;; Out: the quote state (0 or 1) and "the record being read has content" (0 or 1).
  (global $quoted (export "quoted") (mut i32) (i32.const 0))
  (global $content (export "content") (mut i32) (i32.const 0))

  ;; Bit mask of the bytes equal to $c in the 64 bytes held by $a $b $c2 $d.
  (func $mask (param $a v128) (param $b v128) (param $c v128) (param $d v128)
              (param $byte v128) (result i64)
    (i64.or
      (i64.or
        (i64.extend_i32_u (i8x16.bitmask (i8x16.eq (local.get $a) (local.get $byte))))
        (i64.shl
          (i64.extend_i32_u (i8x16.bitmask (i8x16.eq (local.get $b) (local.get $byte))))
          (i64.const 16)))
      (i64.or
        (i64.shl
          (i64.extend_i32_u (i8x16.bitmask (i8x16.eq (local.get $c) (local.get $byte))))
          (i64.const 32))
        (i64.shl
          (i64.extend_i32_u (i8x16.bitmask (i8x16.eq (local.get $d) (local.get $byte))))
          (i64.const 48)))))

  ;; Bit i of the result is the XOR of bits 0..i of $x.
  (func $prefixXor (param $x i64) (result i64)
    (local.set $x (i64.xor (local.get $x) (i64.shl (local.get $x) (i64.const 1))))
    (local.set $x (i64.xor (local.get $x) (i64.shl (local.get $x) (i64.const 2))))
    (local.set $x (i64.xor (local.get $x) (i64.shl (local.get $x) (i64.const 4))))
    (local.set $x (i64.xor (local.get $x) (i64.shl (local.get $x) (i64.const 8))))
    (local.set $x (i64.xor (local.get $x) (i64.shl (local.get $x) (i64.const 16))))
    (i64.xor (local.get $x) (i64.shl (local.get $x) (i64.const 32))))

  ;; Records ended in the whole 64-byte blocks of memory[0, $length).
  (func (export "count") (param $length i32) (param $quotedIn i32) (param $contentIn i32)
                         (result i32)
    (local $p i32) (local $end i32) (local $records i32) (local $content i32)
    (local $a v128) (local $b v128) (local $c v128) (local $d v128)
    (local $carry i64) (local $q i64) (local $lf i64) (local $cr i64) (local $other i64)
    (local $inside i64) (local $sep i64) (local $start i64) (local $landed i64)
    (local $events i64)
    (local.set $end (i32.and (local.get $length) (i32.const -64)))
    ;; All ones while inside quotes.
    (local.set $carry (i64.sub (i64.const 0) (i64.extend_i32_u (local.get $quotedIn))))
    (local.set $content (local.get $contentIn))
    (block $done
      (loop $block
        (br_if $done (i32.ge_u (local.get $p) (local.get $end)))
        (local.set $a (v128.load (local.get $p)))
        (local.set $b (v128.load offset=16 (local.get $p)))
        (local.set $c (v128.load offset=32 (local.get $p)))
        (local.set $d (v128.load offset=48 (local.get $p)))
        (local.set $q (call $mask (local.get $a) (local.get $b) (local.get $c) (local.get $d)
                                  (i8x16.splat (i32.const 0x22))))
        (local.set $lf (call $mask (local.get $a) (local.get $b) (local.get $c) (local.get $d)
                                   (i8x16.splat (i32.const 0x0a))))
        (local.set $cr (call $mask (local.get $a) (local.get $b) (local.get $c) (local.get $d)
                                   (i8x16.splat (i32.const 0x0d))))
        (local.set $other (i64.xor (i64.or (local.get $lf) (local.get $cr)) (i64.const -1)))
        (local.set $inside (i64.xor (call $prefixXor (local.get $q)) (local.get $carry)))
        ;; The state after the last byte: sign-extend bit 63.
        (local.set $carry (i64.shr_s (local.get $inside) (i64.const 63)))
        (local.set $sep (i64.and (local.get $lf) (i64.xor (local.get $inside) (i64.const -1))))
        ;; Where the search for content starts: above each separator, and at bit 0 when
        ;; the record carried in has none yet.
        (local.set $start
          (i64.or (i64.shl (local.get $sep) (i64.const 1))
                  (i64.extend_i32_u (i32.eqz (local.get $content)))))
        ;; Starts on a byte other than CR stay; starts on a CR run's first byte carry
        ;; through the run to the byte above it.
        (local.set $landed
          (i64.and
            (i64.or
              (local.get $start)
              (i64.add (i64.and (local.get $start) (local.get $cr)) (local.get $cr)))
            (i64.xor (local.get $cr) (i64.const -1))))
        (local.set $records
          (i32.add (local.get $records)
            (i32.wrap_i64
              (i64.sub (i64.popcnt (local.get $sep))
                       (i64.popcnt (i64.and (local.get $landed) (local.get $sep)))))))
        ;; Content after the block: whether its last separator or content byte is content.
        (local.set $events (i64.or (local.get $other) (local.get $sep)))
        (if (i64.ne (local.get $events) (i64.const 0))
          (then
            (local.set $content
              (i32.wrap_i64
                (i64.and
                  (i64.shr_u (local.get $other)
                             (i64.sub (i64.const 63) (i64.clz (local.get $events))))
                  (i64.const 1))))))
        (local.set $p (i32.add (local.get $p) (i32.const 64)))
        (br $block)))
    (global.set $quoted (i32.wrap_i64 (i64.and (local.get $carry) (i64.const 1))))
    (global.set $content (local.get $content))
    (local.get $records))
)
