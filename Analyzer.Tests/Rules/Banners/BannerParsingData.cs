namespace Analyzer.Tests.Rules.Banners;

/// <summary>Banners as stacks send them (conformance captures, THREATS.md section 2) and what they name.</summary>
public static class BannerParsingData
{
    public static TheoryData<string, string, string> Banners => new()
    {
        { "Linux/2.6.36 UPnP/1.1 MiniUPnPd/2.1", "miniupnpd", "2.1" },
        { "SERVER: OS/ver UPnP/1.0 miniupnpd/1.0", "miniupnpd", "1.0" },
        { "UPnP/Tomato 1.28.7500 MIPSR2Toastman-RT K26 USB Ext UPnP/1.0 MiniUPnPd/1.6", "miniupnpd", "1.6" },
        { "EPICENTRO UPnP/1.0 MiniUPnPd/1.6", "miniupnpd", "1.6" },
        { "Linux UPnP/1.1 MiniUPnPd/1.8.20141022", "miniupnpd", "1.8.20141022" },
        { "Linux/3.8.13+, UPnP/1.0, Portable SDK for UPnP devices/1.6.18", "libupnp", "1.6.18" },
        { "Linux/2.6.12, UPnP/1.0, Portable SDK for UPnP devices/1.6.6", "libupnp", "1.6.6" },
        { "Linux/2.6.12, UPnP/1.0, Portable SDK for UPnP devices", "libupnp", "" },
        { "Linux/2.4.22-1.2115.nptl UPnP/1.0 Intel SDK for UPnP devices/1.2", "intel-upnp-sdk", "1.2" },
        { "Linux 4.9 UPnP/1.1 MiniUPnPc/2.0", "miniupnpc", "2.0" },
        { "Linux/3.10.96+, UPnP/1.0, eSSDP/0.1", "essdp", "0.1" },
        { "Huawei-ATP-IGD", "huawei-atp-igd", "" },
        { "Microsoft-Windows/10.0 UPnP/1.0 UPnP-Device-Host/1.0", "UPnP-Device-Host", "1.0" },
        { "Roku UPnP/1.0 Roku/9.1.0", "Roku", "9.1.0" },
        { "UPnP/1.0 DLNADOC/1.50 Platinum/1.0.5.13", "Platinum", "1.0.5.13" },
        { "Google Chrome/86.0.4240.198 Windows", "Chrome", "86.0.4240.198" },
    };

    /// <summary>Banner, and the CVEs (joined) its version carries; "-" for none.</summary>
    public static TheoryData<string, string> Vulnerable => new()
    {
        { "Linux UPnP/1.0 miniupnpd/1.0", "CVE-2013-0229,CVE-2013-0230,CVE-2013-1461,CVE-2013-1462,CVE-2019-12107,CVE-2019-12108,CVE-2019-12109,CVE-2019-12110,CVE-2019-12111,CVE-2026-5720" },
        { "Linux UPnP/1.0 MiniUPnPd/1.3", "CVE-2013-0229,CVE-2013-0230,CVE-2019-12107,CVE-2019-12108,CVE-2019-12109,CVE-2019-12110,CVE-2019-12111,CVE-2026-5720" },
        { "Linux UPnP/1.1 MiniUPnPd/2.1", "CVE-2019-12107,CVE-2019-12108,CVE-2019-12109,CVE-2019-12110,CVE-2019-12111,CVE-2026-5720" },
        { "Linux UPnP/1.1 MiniUPnPd/2.1.20190408", "CVE-2026-5720" },
        { "Linux UPnP/1.1 MiniUPnPd/2.3.9", "CVE-2026-5720" },
        { "Linux UPnP/1.1 MiniUPnPd/2.3.10", "-" },
        { "Linux UPnP/1.1 MiniUPnPd/2.3.11", "-" },
        { "Linux UPnP/1.0 Portable SDK for UPnP devices/1.6.17", "CVE-2012-5958,CVE-2012-5959,CVE-2012-5960,CVE-2012-5961,CVE-2012-5962,CVE-2012-5963,CVE-2012-5964,CVE-2012-5965,CVE-2016-6255,CVE-2016-8863,CVE-2020-12695,CVE-2020-13848,CVE-2021-28302" },
        { "Linux UPnP/1.0 Portable SDK for UPnP devices/1.6.18", "CVE-2016-6255,CVE-2016-8863,CVE-2020-12695,CVE-2020-13848,CVE-2021-28302" },
        { "Linux UPnP/1.0 Portable SDK for UPnP devices/1.8.0", "CVE-2012-5958,CVE-2012-5959,CVE-2012-5960,CVE-2012-5961,CVE-2012-5962,CVE-2012-5963,CVE-2012-5964,CVE-2012-5965,CVE-2020-12695,CVE-2020-13848,CVE-2021-28302" },
        { "Linux UPnP/1.0 Portable SDK for UPnP devices/1.10.0", "CVE-2020-12695,CVE-2020-13848,CVE-2021-28302" },
        { "Linux UPnP/1.0 Portable SDK for UPnP devices/1.14.4", "CVE-2021-28302" },
        { "Linux UPnP/1.0 Portable SDK for UPnP devices/1.14.5", "-" },
        { "Linux UPnP/1.0 Portable SDK for UPnP devices", "CVE-2012-5958,CVE-2012-5959,CVE-2012-5960,CVE-2012-5961,CVE-2012-5962,CVE-2012-5963,CVE-2012-5964,CVE-2012-5965" },
        { "Linux UPnP/1.0 Intel SDK for UPnP devices/1.2", "CVE-2012-5958,CVE-2012-5959,CVE-2012-5960,CVE-2012-5961,CVE-2012-5962,CVE-2012-5963,CVE-2012-5964,CVE-2012-5965" },
        { "Linux UPnP/1.1 MiniUPnPc/1.9", "CVE-2015-6031,CVE-2017-8798" },
        { "Linux UPnP/1.1 MiniUPnPc/2.0.20170509", "-" },
        { "Linux UPnP/1.1 MiniUPnPc/1.3", "CVE-2015-6031" },
        { "MiniSSDPd/1.5", "CVE-2019-12106" },
        { "Huawei-ATP-IGD", "CVE-2017-17215" },
        { "Microsoft-Windows/10.0 UPnP/1.0 UPnP-Device-Host/1.0", "-" },
    };
}
