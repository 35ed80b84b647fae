"""Keras 1.2.2 `keras.utils.data_utils`: `get_file`, the download cache under ~/.keras.

Keras 1 kept downloads in `~/.keras/<cache_subdir>` (or `/tmp/.keras` when the
home folder is read-only); legacykeras reads the same place (`KERAS_HOME`
overrides it), so files a Keras 1 install left there are used as they are.
Offline, a file already in the cache works; a missing one raises
`DownloadError` naming the URL and the path to put the file at.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tarfile
import urllib.error
import urllib.request
import warnings

from legacykeras import config
from legacykeras.callbacks import Progbar


class DownloadError(OSError):
    """A file is neither in the Keras cache nor downloadable; the message says where to put it."""


def cache_dir(cache_subdir: str = "datasets") -> str:
    return os.path.join(config.keras_dir(), cache_subdir)


def get_file(fname, origin, untar=False, md5_hash=None, cache_subdir="datasets"):
    """Path of `fname` in the Keras cache, downloading it from `origin` if it is not there.

    Args:
        fname: file name in the cache (for `untar`, the folder the archive unpacks to).
        origin: URL to download from.
        untar: the download is `fname + '.tar.gz'`; unpack it and return the folder.
        md5_hash: checked for a downloaded file; a cached file that differs is downloaded
            again when possible and otherwise used with a warning.
        cache_subdir: folder under ~/.keras.

    Raises:
        DownloadError: not cached and the download failed (no network, bad URL).
    """
    datadir = cache_dir(cache_subdir)
    os.makedirs(datadir, exist_ok=True)
    target = os.path.join(datadir, fname)
    fpath = target + ".tar.gz" if untar else target
    if untar and os.path.isdir(target) and not os.path.exists(fpath):
        return target  # unpacked already (the archive may have been deleted to save space)

    if os.path.exists(fpath):
        if md5_hash is not None and not validate_file(fpath, md5_hash):
            try:
                _download(origin, fpath, datadir)
            except DownloadError as error:
                warnings.warn(
                    f"{fpath} does not match the MD5 hash Keras 1 expected for {origin} and could "
                    f"not be downloaded again ({error.__cause__ or error}); using the local file.",
                    stacklevel=2,
                )
    else:
        _download(origin, fpath, datadir)

    if untar:
        if not os.path.exists(target):
            print("Untaring file...")
            try:
                with tarfile.open(fpath, "r:gz") as archive:
                    archive.extractall(path=datadir, filter="data")
            except BaseException:
                if os.path.isdir(target):
                    shutil.rmtree(target)
                elif os.path.exists(target):
                    os.remove(target)
                raise
        return target
    return fpath


def _download(origin, fpath, datadir):
    print("Downloading data from", origin)
    partial = fpath + ".part"
    progbar = [None]

    def report(count, block_size, total_size):
        if total_size <= 0:
            return
        if progbar[0] is None:
            progbar[0] = Progbar(total_size)
        progbar[0].update(min(count * block_size, total_size))

    try:
        urllib.request.urlretrieve(origin, partial, report)
    except (urllib.error.URLError, OSError, ValueError) as error:
        if os.path.exists(partial):
            os.remove(partial)
        raise DownloadError(
            f"Could not download {origin} ({getattr(error, 'reason', error)}), and it is not in the "
            f"Keras cache. Without network access, download it elsewhere and put it at {fpath} "
            f"(Keras 1's cache folder is {datadir}; set KERAS_HOME to use another)."
        ) from error
    except BaseException:
        if os.path.exists(partial):
            os.remove(partial)
        raise
    os.replace(partial, fpath)


def validate_file(fpath, md5_hash):
    """Whether the file's MD5 hex digest is `md5_hash`."""
    hasher = hashlib.md5()
    with open(fpath, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            hasher.update(chunk)
    return hasher.hexdigest() == str(md5_hash)


__all__ = ["get_file", "validate_file", "cache_dir", "DownloadError", "Progbar"]
