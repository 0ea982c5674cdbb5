"""Tools that drive an Android emulator or adb, read as the command line they run.

* ``android.adb {serial: emulator-5554, args: [shell, pm, clear, …]}`` runs ``adb -s
  emulator-5554 shell pm clear …``: the serial goes in front of the arguments, so the adb
  rules (``mobiledevices.py``) see which device is meant. A serial that is not one plain
  word (an option, anything a shell would expand) is left out, and adb then names no
  device: a finding.
* ``ios.simulator.erase {device: "iPhone 15"}`` runs ``simctl erase "iPhone 15"`` (one
  simctl verb named, the device and, for install or launch, the app); ``install`` takes a
  workspace app as ``xcrun simctl install`` does.
* ``android.emulator {avd: Pixel_7_API_34, wipe_data: true, no_window: true}`` runs
  ``emulator -avd Pixel_7_API_34 -wipe-data -no-window``: wiping an emulator's data is its
  cold boot, judged by the catalogue as that command line rather than as a destructive
  ``wipe`` parameter. A parameter not listed here (``qemu_args``, ``kernel``) or a value
  of another type leaves the tool unread, and its parameters are judged as they are.
"""

from __future__ import annotations

from collections.abc import Mapping

__all__ = [
    "DEVICE_TOOL_WORDS",
    "device_command",
    "device_tool",
    "emulator_command",
    "emulator_tool",
    "with_serial",
]

#: Keys that name the device an adb tool acts on.
_SERIAL_KEYS = frozenset({"serial", "device", "device_serial", "deviceserial", "device_id",
                          "deviceid", "android_serial"})  # fmt: skip
_PLAIN = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._:-")
#: Words of an emulator tool's name; it must name "emulator" and nothing else.
EMULATOR_WORDS = frozenset({"emulator"})
#: Words that may make :func:`device_command` find a command line.
DEVICE_TOOL_WORDS = frozenset({"emulator", "simulator", "simulators", "simctl"})
_NAME_WORDS = frozenset({"android", "emulator", "avd", "start", "launch", "boot", "run", "cold",
                         "open", "tool"})  # fmt: skip
#: Parameters of an emulator tool: option taking the value, or flag set by ``true``.
_VALUES = {"avd": "-avd", "name": "-avd", "avd_name": "-avd", "port": "-port", "gpu": "-gpu",
           "memory": "-memory", "cores": "-cores", "netspeed": "-netspeed",
           "netdelay": "-netdelay", "camera_back": "-camera-back"}  # fmt: skip
_FLAGS = {"wipe_data": "-wipe-data", "wipe": "-wipe-data", "no_window": "-no-window",
          "headless": "-no-window", "no_snapshot_load": "-no-snapshot-load",
          "cold_boot": "-no-snapshot-load", "no_snapshot": "-no-snapshot",
          "no_snapshot_save": "-no-snapshot-save", "no_audio": "-no-audio",
          "no_boot_anim": "-no-boot-anim", "read_only": "-read-only"}  # fmt: skip
_MAX = 16


def _plain(value: object) -> bool:
    return (
        isinstance(value, str)
        and 0 < len(value) <= 64
        and value[0] != "-"
        and _PLAIN.issuperset(value)
    )


def with_serial(argv: list[str], parameters: object, where: str, key: str) -> list[str]:
    """``argv`` of an adb tool with the device its top-level serial parameter names."""
    if not argv or argv[0] != "adb" or where != f"parameters.{key}":
        return argv
    if not isinstance(parameters, Mapping):
        return argv
    serials = [v for k, v in parameters.items() if isinstance(k, str) and k.lower() in _SERIAL_KEYS]
    if len(serials) != 1 or not _plain(serials[0]):
        return argv
    return ["adb", "-s", str(serials[0]), *argv[1:]]


def emulator_tool(words: frozenset[str]) -> bool:
    """An action named for starting an Android emulator (``android.emulator``)."""
    return EMULATOR_WORDS <= words <= _NAME_WORDS


def emulator_command(words: frozenset[str], parameters: object) -> list[str] | None:
    """The ``emulator`` command line such a tool runs, or ``None`` when not understood."""
    if not emulator_tool(words) or not isinstance(parameters, Mapping):
        return None
    if not 0 < len(parameters) <= _MAX:
        return None
    argv = ["emulator"]
    for name, value in parameters.items():
        key = name.replace("-", "_").lower() if isinstance(name, str) else ""
        if key in _FLAGS and isinstance(value, bool):
            argv += [_FLAGS[key]] if value else []
        elif key in _VALUES and (_plain(value) or type(value) is int):
            argv += [_VALUES[key], str(value)]
        else:
            return None
    return argv if "-avd" in argv else None


#: Words of a simulator tool's name: one of these, at most one verb and some nouns.
_SIMULATOR_WORDS = frozenset({"simulator", "simulators", "simctl"})
_SIMULATOR_NOUNS = frozenset({"ios", "iphone", "ipad", "xcode", "apple", "device", "devices",
                              "simulator", "simulators", "simctl"})  # fmt: skip
#: Verbs a simulator tool's name may say, as simctl's own.
_SIMULATOR_VERBS = {"boot": "boot", "start": "boot", "shutdown": "shutdown", "stop": "shutdown",
                    "erase": "erase", "reset": "erase", "wipe": "erase", "delete": "delete",
                    "install": "install", "uninstall": "uninstall", "launch": "launch",
                    "terminate": "terminate"}  # fmt: skip
_DEVICE_KEYS = frozenset({"device", "udid", "name", "simulator", "device_id", "device_name",
                          "deviceid", "devicename", "target"})  # fmt: skip
_APP_KEYS = frozenset({"app", "app_path", "apppath", "path", "bundle_id", "bundleid", "bundle",
                       "bundle_identifier"})  # fmt: skip
_NAME_CHARS = _PLAIN | frozenset(" ()")


def simulator_tool(words: frozenset[str]) -> bool:
    """An action named for one simctl verb on a simulator (``ios.simulator.erase``)."""
    verbs = words & _SIMULATOR_VERBS.keys()
    return bool(words & _SIMULATOR_WORDS) and len(verbs) == 1 and words - verbs <= _SIMULATOR_NOUNS


def simulator_command(words: frozenset[str], parameters: object) -> list[str] | None:
    """``simctl VERB DEVICE [APP]`` such a tool runs, or ``None`` when not understood."""
    if not simulator_tool(words) or not isinstance(parameters, Mapping):
        return None
    verb = _SIMULATOR_VERBS[next(iter(words & _SIMULATOR_VERBS.keys()))]
    device: list[str] = []
    app: list[str] = []
    for name, value in parameters.items():
        key = name.replace("-", "_").lower() if isinstance(name, str) else ""
        if not isinstance(value, str) or not value or value[0] == "-" or len(value) > 256:
            return None
        if key in _DEVICE_KEYS and _NAME_CHARS.issuperset(value):
            device.append(value)
        elif key in _APP_KEYS and verb in ("install", "uninstall", "launch", "terminate"):
            app.append(value)
        else:
            return None
    if len(device) != 1 or len(app) > 1:
        return None
    return ["simctl", verb, *device, *app]


def device_tool(words: frozenset[str]) -> bool:
    """An emulator or simulator tool whose name says nothing beyond its command line."""
    return emulator_tool(words) or simulator_tool(words)


def device_command(words: frozenset[str], parameters: object) -> list[str] | None:
    """The command line an emulator or simulator tool runs, or ``None``."""
    return emulator_command(words, parameters) or simulator_command(words, parameters)
