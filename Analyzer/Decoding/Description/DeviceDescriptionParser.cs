using System.Text;
using System.Xml;
using Analyzer.Decoding.Http;

namespace Analyzer.Decoding.Description;

/// <summary>
/// Reads a UPnP device description (UDA 2.0 §2.3) with <see cref="SafeXml"/>, by local names:
/// <code>
/// &lt;root xmlns="urn:schemas-upnp-org:device-1-0"&gt;&lt;specVersion/&gt;&lt;URLBase/&gt;
///   &lt;device&gt;&lt;deviceType/&gt;&lt;friendlyName/&gt;&lt;manufacturer/&gt;…&lt;UDN/&gt;
///     &lt;iconList&gt;&lt;icon&gt;&lt;url/&gt;… (icon URLs, <see cref="UpnpDevice.MaxIcons"/> a device)
///     &lt;serviceList&gt;&lt;service&gt;&lt;serviceType/&gt;&lt;serviceId/&gt;&lt;SCPDURL/&gt;&lt;controlURL/&gt;&lt;eventSubURL/&gt;…
///     &lt;deviceList&gt;&lt;device&gt;… (embedded devices, any depth)
/// </code>
/// Returns null when the document is not a device description (no root element named root with a device).
/// Never throws.
/// </summary>
public static class DeviceDescriptionParser
{
    public const string DeviceNamespace = "urn:schemas-upnp-org:device-1-0";

    public static DeviceDescription? Parse(ReadOnlySpan<byte> body)
    {
        var description = new DeviceDescription();
        var (doctype, entity) = SafeXml.ScanDeclarations(body);
        var walk = new Walk(description);
        string? error = null;
        if (!body.IsEmpty)
        {
            try
            {
                using var reader = SafeXml.Create(body);
                walk.Run(reader);
            }
            catch (Exception e) when (SafeXml.IsReaderFailure(e))
            {
                error = SafeXml.Describe(e);
            }
        }
        if (!walk.IsRoot || description.DeviceCount == 0) return null;
        description.Evidence = new XmlEvidence(doctype, entity, walk.TooDeep, walk.LongName, error);
        return description;
    }

    private sealed class Walk(DeviceDescription description)
    {
        private readonly StringBuilder _text = new();
        // Depth of each open device element and its index (-1 when beyond the cap).
        private readonly Stack<(int Depth, int Index)> _devices = new();
        private string? _field;
        private int _fieldDepth = -1;
        private UpnpService? _service;
        private int _serviceDepth = -1;
        private int _specDepth = -1;
        private int _iconDepth = -1;
        private string? _major;

        public bool IsRoot;
        public bool TooDeep;
        public bool LongName;

        public void Run(XmlReader reader)
        {
            while (reader.Read())
            {
                switch (reader.NodeType)
                {
                    case XmlNodeType.Element:
                        if (reader.Depth >= SafeXml.MaxDepth)
                        {
                            TooDeep = true;
                            return;
                        }
                        if (reader.LocalName.Length > SafeXml.MaxNameLength) LongName = true;
                        if (reader.Depth == 0)
                        {
                            IsRoot = reader.LocalName == "root";
                            if (!IsRoot) return;
                        }
                        else
                        {
                            Start(reader.LocalName, reader.Depth);
                        }
                        if (reader.IsEmptyElement) End(reader.Depth);
                        break;
                    case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace:
                        if (_field is not null && _text.Length < FieldText.MaxChars)
                            _text.Append(reader.Value, 0, Math.Min(reader.Value.Length, FieldText.MaxChars - _text.Length));
                        break;
                    case XmlNodeType.EndElement:
                        End(reader.Depth);
                        break;
                }
            }
        }

        private void Start(string name, int depth)
        {
            if (_field is not null) return;
            if (name == "device")
            {
                description.DeviceCount++;
                int index = -1;
                if (description.Devices.Count < DeviceDescription.MaxDevices)
                {
                    index = description.Devices.Count;
                    description.Devices.Add(new UpnpDevice { Parent = _devices.Count > 0 ? _devices.Peek().Index : -1 });
                }
                _devices.Push((depth, index));
                return;
            }
            if (name == "service" && _devices.Count > 0 && _service is null)
            {
                description.ServiceCount++;
                int device = _devices.Peek().Index;
                if (device >= 0 && description.Services.Count < DeviceDescription.MaxServices)
                {
                    _service = new UpnpService { Device = device };
                    description.Services.Add(_service);
                    _serviceDepth = depth;
                }
                return;
            }
            // <device><iconList><icon>: the icon element sits two levels below its device.
            if (name == "icon" && _devices.Count > 0 && _service is null && depth == _devices.Peek().Depth + 2) _iconDepth = depth;
            bool iconField = _iconDepth >= 0 && depth == _iconDepth + 1 && name == "url";
            bool deviceField = iconField || (_devices.Count > 0 && depth == _devices.Peek().Depth + 1 && IsDeviceField(name));
            bool serviceField = _service is not null && depth == _serviceDepth + 1 && IsServiceField(name);
            bool rootField = depth == 1 && name == "URLBase";
            bool specField = _specDepth >= 0 && depth == _specDepth + 1 && name is "major" or "minor";
            if (depth == 1 && name == "specVersion") _specDepth = depth;
            if (deviceField || serviceField || rootField || specField)
            {
                _field = name;
                _fieldDepth = depth;
                _text.Clear();
            }
        }

        private static bool IsDeviceField(string name) => name is "deviceType" or "friendlyName" or "manufacturer"
            or "manufacturerURL" or "modelDescription" or "modelName" or "modelNumber" or "modelURL" or "serialNumber"
            or "UDN" or "presentationURL";

        private static bool IsServiceField(string name) =>
            name is "serviceType" or "serviceId" or "SCPDURL" or "controlURL" or "eventSubURL";

        private void End(int depth)
        {
            if (_field is not null && depth == _fieldDepth)
            {
                Store(_field, _fieldDepth, _text.ToString().Trim());
                _field = null;
                return;
            }
            if (depth == _iconDepth)
            {
                _iconDepth = -1;
            }
            else if (_service is not null && depth == _serviceDepth)
            {
                _service = null;
                _serviceDepth = -1;
            }
            else if (_devices.Count > 0 && depth == _devices.Peek().Depth)
            {
                _devices.Pop();
            }
            else if (depth == _specDepth)
            {
                _specDepth = -1;
            }
        }

        private void Store(string name, int depth, string value)
        {
            if (_service is not null && depth == _serviceDepth + 1)
            {
                switch (name)
                {
                    case "serviceType": _service.ServiceType ??= value; break;
                    case "serviceId": _service.ServiceId ??= value; break;
                    case "SCPDURL": _service.ScpdUrl ??= value; break;
                    case "controlURL": _service.ControlUrl ??= value; break;
                    case "eventSubURL": _service.EventSubUrl ??= value; break;
                }
                return;
            }
            if (depth == 1 && name == "URLBase")
            {
                description.UrlBase ??= value;
                return;
            }
            if (name is "major" or "minor" && _specDepth >= 0)
            {
                if (name == "major") _major = value;
                else description.SpecVersion ??= (_major ?? "") + "." + value;
                return;
            }
            if (_devices.Count == 0 || _devices.Peek().Index < 0) return;
            var device = description.Devices[_devices.Peek().Index];
            if (name == "url")
            {
                if (_iconDepth >= 0 && depth == _iconDepth + 1 && device.IconUrls.Count < UpnpDevice.MaxIcons) device.IconUrls.Add(value);
                return;
            }
            switch (name)
            {
                case "deviceType": device.DeviceType ??= value; break;
                case "friendlyName": device.FriendlyName ??= value; break;
                case "manufacturer": device.Manufacturer ??= value; break;
                case "manufacturerURL": device.ManufacturerUrl ??= value; break;
                case "modelDescription": device.ModelDescription ??= value; break;
                case "modelName": device.ModelName ??= value; break;
                case "modelNumber": device.ModelNumber ??= value; break;
                case "modelURL": device.ModelUrl ??= value; break;
                case "serialNumber": device.SerialNumber ??= value; break;
                case "UDN": device.Udn ??= value; break;
                case "presentationURL": device.PresentationUrl ??= value; break;
            }
        }
    }
}
