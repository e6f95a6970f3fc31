"""A tiny H.264 encoder in pure Python, and the MP4 (ISO BMFF) file around its stream.

The stream is Constrained Baseline (profile 66, CAVLC, 4:2:0, 8 bit) built from the simplest
tools the standard has:

* every macroblock that is coded is ``I_PCM``: its 384 samples are stored as they are (no
  prediction, no transform, no entropy coding), so decoding is exact;
* the first frame is an IDR picture of ``I_PCM`` macroblocks only; each later frame is a P
  picture that codes, as ``I_PCM``, only the macroblocks that changed since the frame before
  and skips the rest (``P_Skip`` copies the reference, because every motion vector here is 0);
* deblocking is switched off in every slice, so skipped and coded samples stay what they are.

Frames are given as three planes (Y, Cb, Cr), each a list of rows of ``bytes``, already padded
to whole macroblocks (16 x 16 luma, 8 x 8 chroma); the picture is cropped back to its real size
in the sequence parameter set. An unchanged row may be the very same ``bytes`` object as in the
previous frame: only 16-row bands that differ are compared macroblock by macroblock.
"""

from __future__ import annotations

import re
import struct
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

__all__ = ["Frame", "encode_mp4", "h264_stream"]

Plane = Sequence[bytes]

_PROFILE_BASELINE = 66
_CONSTRAINED = 0xC0  # constraint_set0_flag and constraint_set1_flag: Constrained Baseline
_LOG2_MAX_FRAME_NUM = 16
_I_PCM_IN_I_SLICE = 25
_I_PCM_IN_P_SLICE = 30  # P slices number intra macroblock types from 5
_EMULATION = re.compile(b"\x00\x00(?=[\x00-\x03])")


@dataclass(frozen=True, slots=True)
class Frame:
    """One picture: its Y, Cb and Cr planes (rows of ``bytes``, padded to whole macroblocks)."""

    y: Plane
    cb: Plane
    cr: Plane


class _Bits:
    """An MSB-first bit writer with Exp-Golomb codes and byte-aligned appends."""

    __slots__ = ("_acc", "_count", "_out")

    def __init__(self) -> None:
        self._out = bytearray()
        self._acc = 0
        self._count = 0

    def u(self, bits: int, value: int) -> None:
        self._acc = (self._acc << bits) | (value & ((1 << bits) - 1))
        self._count += bits
        while self._count >= 8:
            self._count -= 8
            self._out.append((self._acc >> self._count) & 0xFF)
        self._acc &= (1 << self._count) - 1

    def ue(self, value: int) -> None:
        code = value + 1
        length = code.bit_length()
        self.u(2 * length - 1, code)

    def se(self, value: int) -> None:
        self.ue(2 * value - 1 if value > 0 else -2 * value)

    def align_zero(self) -> None:
        if self._count:
            self.u(8 - self._count, 0)

    def raw(self, data: bytes) -> None:
        """Append whole bytes (the writer must be byte-aligned)."""
        assert self._count == 0
        self._out += data

    def trailing(self) -> bytes:
        """The RBSP with its stop bit and alignment."""
        self.u(1, 1)
        self.align_zero()
        return bytes(self._out)


def _nal(ref_idc: int, kind: int, rbsp: bytes) -> bytes:
    """A NAL unit (header byte, then the RBSP with emulation prevention bytes inserted)."""
    return bytes(((ref_idc << 5) | kind,)) + _EMULATION.sub(b"\x00\x00\x03", rbsp)


def _level(macroblocks: int) -> int:
    """A level whose frame size limit fits (3.1, 4.0 or 5.1); decoders use it to size buffers."""
    if macroblocks <= 3600:
        return 31
    if macroblocks <= 8192:
        return 40
    return 51


def _sps(width: int, height: int) -> bytes:
    mbs_x, mbs_y = -(-width // 16), -(-height // 16)
    bits = _Bits()
    bits.u(8, _PROFILE_BASELINE)
    bits.u(8, _CONSTRAINED)
    bits.u(8, _level(mbs_x * mbs_y))
    bits.ue(0)  # seq_parameter_set_id
    bits.ue(_LOG2_MAX_FRAME_NUM - 4)
    bits.ue(2)  # pic_order_cnt_type 2: output order is decoding order
    bits.ue(1)  # max_num_ref_frames
    bits.u(1, 0)  # gaps_in_frame_num_value_allowed_flag
    bits.ue(mbs_x - 1)
    bits.ue(mbs_y - 1)
    bits.u(1, 1)  # frame_mbs_only_flag
    bits.u(1, 1)  # direct_8x8_inference_flag
    crop_right, crop_bottom = (mbs_x * 16 - width) // 2, (mbs_y * 16 - height) // 2
    if crop_right or crop_bottom:
        bits.u(1, 1)  # frame_cropping_flag; offsets count 2-sample units in 4:2:0
        for offset in (0, crop_right, 0, crop_bottom):
            bits.ue(offset)
    else:
        bits.u(1, 0)
    bits.u(1, 0)  # vui_parameters_present_flag
    return _nal(3, 7, bits.trailing())


def _pps() -> bytes:
    bits = _Bits()
    bits.ue(0)  # pic_parameter_set_id
    bits.ue(0)  # seq_parameter_set_id
    bits.u(1, 0)  # entropy_coding_mode_flag: CAVLC
    bits.u(1, 0)  # bottom_field_pic_order_in_frame_present_flag
    bits.ue(0)  # num_slice_groups_minus1
    bits.ue(0)  # num_ref_idx_l0_default_active_minus1
    bits.ue(0)  # num_ref_idx_l1_default_active_minus1
    bits.u(1, 0)  # weighted_pred_flag
    bits.u(2, 0)  # weighted_bipred_idc
    bits.se(0)  # pic_init_qp_minus26
    bits.se(0)  # pic_init_qs_minus26
    bits.se(0)  # chroma_qp_index_offset
    bits.u(1, 1)  # deblocking_filter_control_present_flag
    bits.u(1, 0)  # constrained_intra_pred_flag
    bits.u(1, 0)  # redundant_pic_cnt_present_flag
    return _nal(3, 8, bits.trailing())


def _macroblock(frame: Frame, mx: int, my: int) -> bytes:
    """The 384 PCM samples of macroblock (mx, my): 16x16 luma, then 8x8 Cb and 8x8 Cr."""
    x, y = mx * 16, my * 16
    luma = b"".join(row[x : x + 16] for row in frame.y[y : y + 16])
    cx, cy = mx * 8, my * 8
    cb = b"".join(row[cx : cx + 8] for row in frame.cb[cy : cy + 8])
    cr = b"".join(row[cx : cx + 8] for row in frame.cr[cy : cy + 8])
    return luma + cb + cr


def _changed(frame: Frame, before: Frame, mbs_x: int) -> list[int]:
    """The addresses of the macroblocks whose samples differ between ``before`` and ``frame``."""
    found: set[int] = set()
    for now, then, size in ((frame.y, before.y, 16), (frame.cb, before.cb, 8), (frame.cr, before.cr, 8)):
        for y, (row, old) in enumerate(zip(now, then, strict=True)):
            if row is old or row == old:
                continue
            # Only the macroblocks from the first to the last byte that differs can differ.
            diff = int.from_bytes(row, "big") ^ int.from_bytes(old, "big")
            left = len(row) - 1 - (diff.bit_length() - 1) // 8
            right = len(row) - 1 - ((diff & -diff).bit_length() - 1) // 8
            first = (y // size) * mbs_x
            for mx in range(left // size, right // size + 1):
                x = mx * size
                if first + mx not in found and row[x : x + size] != old[x : x + size]:
                    found.add(first + mx)
    return sorted(found)


def _slice(frame: Frame, mbs_x: int, mbs_y: int, *, idr: int | None, frame_num: int, coded: Sequence[int]) -> bytes:
    """One picture as one slice: IDR (``idr`` is its idr_pic_id; every macroblock coded) or P."""
    bits = _Bits()
    bits.ue(0)  # first_mb_in_slice
    bits.ue(7 if idr is not None else 5)  # slice_type: I or P, the same for every slice of the picture
    bits.ue(0)  # pic_parameter_set_id
    bits.u(_LOG2_MAX_FRAME_NUM, frame_num)
    if idr is not None:
        bits.ue(idr)  # idr_pic_id
    else:
        bits.u(1, 0)  # num_ref_idx_active_override_flag
        bits.u(1, 0)  # ref_pic_list_modification_flag_l0
    if idr is not None:
        bits.u(1, 0)  # no_output_of_prior_pics_flag
        bits.u(1, 0)  # long_term_reference_flag
    else:
        bits.u(1, 0)  # adaptive_ref_pic_marking_mode_flag: sliding window
    bits.se(0)  # slice_qp_delta
    bits.ue(1)  # disable_deblocking_filter_idc: off
    mb_type = _I_PCM_IN_I_SLICE if idr is not None else _I_PCM_IN_P_SLICE
    previous = -1
    for address in coded:
        if idr is None:
            bits.ue(address - previous - 1)  # mb_skip_run
        bits.ue(mb_type)
        bits.align_zero()  # pcm_alignment_zero_bit
        bits.raw(_macroblock(frame, address % mbs_x, address // mbs_x))
        previous = address
    if idr is None and previous < mbs_x * mbs_y - 1:
        bits.ue(mbs_x * mbs_y - 1 - previous)  # the skipped macroblocks up to the end
    return _nal(3 if idr is not None else 2, 5 if idr is not None else 1, bits.trailing())


def h264_stream(
    frames: Iterable[Frame], width: int, height: int, *, keyframe_every: int
) -> tuple[bytes, bytes, list[tuple[bytes, bool]]]:
    """Encode ``frames``: the SPS, the PPS and each frame's NAL unit with whether it is an IDR picture.

    ``width`` and ``height`` (even) are the picture's real size; the planes are padded past it.
    """
    if width <= 0 or height <= 0 or width % 2 or height % 2:
        raise ValueError("width and height must be positive and even")
    mbs_x, mbs_y = -(-width // 16), -(-height // 16)
    every = list(range(mbs_x * mbs_y))
    samples: list[tuple[bytes, bool]] = []
    before: Frame | None = None
    idr_count = 0
    frame_num = 0
    for n, frame in enumerate(frames):
        if len(frame.y) != mbs_y * 16 or len(frame.cb) != mbs_y * 8 or any(len(r) != mbs_x * 16 for r in frame.y):
            raise ValueError("frame planes must be padded to whole macroblocks")
        if before is None or n % keyframe_every == 0:
            samples.append((_slice(frame, mbs_x, mbs_y, idr=idr_count % 65536, frame_num=0, coded=every), True))
            idr_count += 1
            frame_num = 0
        else:
            frame_num = (frame_num + 1) % (1 << _LOG2_MAX_FRAME_NUM)
            coded = _changed(frame, before, mbs_x)
            samples.append((_slice(frame, mbs_x, mbs_y, idr=None, frame_num=frame_num, coded=coded), False))
        before = frame
    return _sps(width, height), _pps(), samples


# -- MP4 (ISO BMFF) -------------------------------------------------------------------------


def _box(kind: bytes, *parts: bytes) -> bytes:
    body = b"".join(parts)
    return struct.pack(">I", 8 + len(body)) + kind + body


def _full_box(kind: bytes, version: int, flags: int, *parts: bytes) -> bytes:
    return _box(kind, struct.pack(">I", (version << 24) | flags), *parts)


_MATRIX = struct.pack(">9I", 0x00010000, 0, 0, 0, 0x00010000, 0, 0, 0, 0x40000000)
"""The identity transform of ``mvhd``/``tkhd`` (16.16 and 2.30 fixed point)."""


def _avcc(sps: bytes, pps: bytes) -> bytes:
    return _box(
        b"avcC",
        bytes((1, sps[1], sps[2], sps[3], 0xFF, 0xE1)),  # version, profile, compatibility, level, 4-byte lengths, 1 SPS
        struct.pack(">H", len(sps)), sps,
        bytes((1,)), struct.pack(">H", len(pps)), pps,
    )  # fmt: skip


def _moov(
    width: int, height: int, fps: int, sps: bytes, pps: bytes, sizes: list[int], sync: list[int], at: int
) -> bytes:
    frames = len(sizes)
    duration_ms = frames * 1000 // fps
    mvhd = _full_box(
        b"mvhd", 0, 0,
        struct.pack(">IIII", 0, 0, 1000, duration_ms),  # created, modified, timescale (ms), duration
        struct.pack(">IH10x", 0x00010000, 0x0100),  # rate 1.0, volume 1.0, reserved
        _MATRIX,
        bytes(24),  # pre_defined
        struct.pack(">I", 2),  # next track id
    )  # fmt: skip
    tkhd = _full_box(
        b"tkhd", 0, 0x3,  # enabled, in movie
        struct.pack(">IIIII", 0, 0, 1, 0, duration_ms),  # created, modified, track id, reserved, duration
        struct.pack(">8xhhH2x", 0, 0, 0),  # layer, alternate group, volume (0 for video)
        _MATRIX,
        struct.pack(">II", width << 16, height << 16),
    )  # fmt: skip
    mdhd = _full_box(b"mdhd", 0, 0, struct.pack(">IIIIHH", 0, 0, fps, frames, 0x55C4, 0))  # language "und"
    hdlr = _full_box(b"hdlr", 0, 0, struct.pack(">I4s12x", 0, b"vide"), b"VideoHandler\x00")
    entry = _box(
        b"avc1",
        bytes(6), struct.pack(">H", 1),  # reserved, data reference index
        bytes(16),  # pre_defined, reserved
        struct.pack(">HHIIIH", width, height, 0x00480000, 0x00480000, 0, 1),  # size, 72 dpi, reserved, frames/sample
        bytes(32),  # compressor name
        struct.pack(">Hh", 24, -1),  # depth, pre_defined
        _avcc(sps, pps),
    )  # fmt: skip
    stbl = _box(
        b"stbl",
        _full_box(b"stsd", 0, 0, struct.pack(">I", 1), entry),
        _full_box(b"stts", 0, 0, struct.pack(">III", 1, frames, 1)),  # every sample lasts 1/fps s
        _full_box(b"stss", 0, 0, struct.pack(f">I{len(sync)}I", len(sync), *sync)),  # the IDR samples (1-based)
        _full_box(b"stsc", 0, 0, struct.pack(">IIII", 1, 1, frames, 1)),  # one chunk holds every sample
        _full_box(b"stsz", 0, 0, struct.pack(f">II{frames}I", 0, frames, *sizes)),
        _full_box(b"stco", 0, 0, struct.pack(">II", 1, at)),
    )
    dinf = _box(b"dinf", _full_box(b"dref", 0, 0, struct.pack(">I", 1), _full_box(b"url ", 0, 1)))
    minf = _box(b"minf", _full_box(b"vmhd", 0, 1, bytes(8)), dinf, stbl)
    return _box(b"moov", mvhd, _box(b"trak", tkhd, _box(b"mdia", mdhd, hdlr, minf)))


def encode_mp4(frames: Iterable[Frame], width: int, height: int, *, fps: int, keyframe_every: int) -> bytes:
    """An MP4 file (``moov`` first, so players start at once) of ``frames`` encoded as H.264 at ``fps``."""
    if fps <= 0 or keyframe_every <= 0:
        raise ValueError("fps and keyframe_every must be positive")
    sps, pps, samples = h264_stream(frames, width, height, keyframe_every=keyframe_every)
    if not samples:
        raise ValueError("a video needs at least one frame")
    payloads = [struct.pack(">I", len(nal)) + nal for nal, _ in samples]  # 4-byte length prefixes (avcC)
    sizes = [len(payload) for payload in payloads]
    sync = [n for n, (_, idr) in enumerate(samples, 1) if idr]
    ftyp = _box(b"ftyp", b"isom", struct.pack(">I", 0x200), b"isomiso2avc1mp41")
    moov_length = len(_moov(width, height, fps, sps, pps, sizes, sync, 0))  # the offset field has a fixed width
    at = len(ftyp) + moov_length + 8
    return ftyp + _moov(width, height, fps, sps, pps, sizes, sync, at) + _box(b"mdat", *payloads)
